// 政民互动: the hub of the portal's interaction columns — the mailboxes (领导信箱, 部门信箱, 公众监督),
// the published letters and their monthly statistics, 意见征集, 网上调查, 在线访谈 and the 答问知识库.
// Plain links; every column has its own page.
import type { FC } from 'hono/jsx';
import { PortalLayout, type ShellProps } from '../layout.js';
import { LETTER_LOOKUP_PATH, LETTER_STATS_PATH, LETTERS_PATH, MAILBOXES_PATH } from './letter-paths.js';

const COLUMNS: { href: string; title: string; text: string }[] = [
  {
    href: MAILBOXES_PATH,
    title: '写信（领导信箱、部门信箱）',
    text: '向市领导和各部门写信，提出咨询、建议、投诉或求助；凭留言编号和查询码查看办理进度和答复。',
  },
  {
    href: LETTERS_PATH,
    title: '留言选登',
    text: '经来信人同意并审核后公开的留言和答复，注明受理日期、答复日期和答复单位。',
  },
  {
    href: LETTER_STATS_PATH,
    title: '办理情况统计',
    text: '按月、按单位统计的留言数、答复数、答复率、平均答复用时和满意度。',
  },
  {
    href: '/consultations',
    title: '意见征集',
    text: '对规章、规范性文件和重大行政决策草案公开征求意见，并公布意见采纳情况。',
  },
  { href: '/surveys', title: '网上调查', text: '参与网上调查，查看已公布的调查结果。' },
  { href: '/interviews', title: '在线访谈', text: '访谈预告、网上提问和访谈实录。' },
  { href: '/qa', title: '答问知识库', text: '常见政策问题的权威解答，附依据的政策文件。' },
];

export const InteractionPage: FC<{ shell: Omit<ShellProps, 'title'> }> = ({ shell }) => (
  <PortalLayout {...shell} title="政民互动">
    <h1>政民互动</h1>
    <p class="lead">给领导和部门写信，参与意见征集、网上调查和在线访谈，查找常见问题的解答。</p>
    <p>
      已经写过信？<a href={LETTER_LOOKUP_PATH}>查询办理进度和答复</a>
    </p>
    <ul class="cards">
      {COLUMNS.map((c) => (
        <li class="card">
          <h2>
            <a href={c.href}>{c.title}</a>
          </h2>
          <p>{c.text}</p>
        </li>
      ))}
    </ul>
  </PortalLayout>
);
