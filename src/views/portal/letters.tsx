// 留言选登: the published letters — only their public version (title, content and reply edited and
// checked apart from the original), with 受理日期, 答复日期 and 答复单位, filtered by mailbox, unit and
// month (a GET form, no JavaScript), paged. Never a phone, e-mail, ID number or unmasked name: the
// rows behind this page do not hold them (src/queries/letter-public.ts).
import type { FC } from 'hono/jsx';
import { Select } from '../components/forms.js';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { INTERACTION_PATH, LETTER_STATS_PATH, letterHref, LETTERS_PATH } from './letter-parts.js';

export interface PublishedLetterItem {
  trackingNumber: string;
  mailboxName: string;
  kindLabel: string;
  title: string;
  content: string;
  acceptedOn: string;
  repliedOn: string;
  replyAgencyName: string | null;
  reply: string;
  writerNameMasked: string | null;
}

export interface LettersPageView {
  shell: Omit<ShellProps, 'title'>;
  items: PublishedLetterItem[];
  total: number;
  page: number;
  pageSize: number;
  filter: { mailbox: string; unit: string; month: string };
  mailboxes: { value: string; label: string }[];
  units: { value: string; label: string }[];
  months: { value: string; label: string }[];
}

/** The first characters of a text, for the list (the whole text is on the letter's page). */
function excerpt(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

function pageHref(filter: LettersPageView['filter'], page: number): string {
  const q = new URLSearchParams();
  if (filter.mailbox) q.set('mailbox', filter.mailbox);
  if (filter.unit) q.set('unit', filter.unit);
  if (filter.month) q.set('month', filter.month);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `${LETTERS_PATH}?${s}` : LETTERS_PATH;
}

export const LetterFacts: FC<{
  l: Pick<PublishedLetterItem, 'acceptedOn' | 'repliedOn' | 'replyAgencyName' | 'mailboxName' | 'kindLabel'>;
}> = ({ l }) => (
  <p class="doc-meta">
    <span>{l.mailboxName}</span>
    <span>{l.kindLabel}</span>
    <span class="nowrap">受理日期：{formatDate('zh', l.acceptedOn)}</span>
    <span class="nowrap">答复日期：{formatDate('zh', l.repliedOn)}</span>
    <span>答复单位：{l.replyAgencyName ?? '—'}</span>
  </p>
);

export const LettersPage: FC<LettersPageView> = (p) => {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  return (
    <PortalLayout {...p.shell} title="留言选登">
      <p>
        <a href={INTERACTION_PATH}>政民互动</a>
      </p>
      <h1>留言选登</h1>
      <p class="lead">经来信人同意、审核后公开的留言和答复。个人信息已去除。</p>
      <p>
        <a href={LETTER_STATS_PATH}>办理情况统计</a>
      </p>
      <form method="get" action={LETTERS_PATH} class="filters">
        <Select
          name="mailbox"
          label="信箱"
          value={p.filter.mailbox}
          options={p.mailboxes}
          includeBlank="全部"
        />
        <Select name="unit" label="答复单位" value={p.filter.unit} options={p.units} includeBlank="全部" />
        <Select name="month" label="受理月份" value={p.filter.month} options={p.months} includeBlank="全部" />
        <button type="submit" class="button button-secondary">
          筛选
        </button>
        <a href={LETTERS_PATH}>清除筛选</a>
      </form>
      <p role="status">共 {p.total} 件</p>
      {p.items.length === 0 ? <p>没有符合条件的公开留言。</p> : null}
      <ol class="doc-list letter-list">
        {p.items.map((l) => (
          <li>
            <a class="doc-title" href={letterHref(l.trackingNumber)}>
              {l.title}
            </a>
            <LetterFacts l={l} />
            <p>{excerpt(l.content)}</p>
            <p class="letter-reply-excerpt">
              <strong>答复：</strong>
              {excerpt(l.reply)}
            </p>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav class="pagination" aria-label="分页">
          {p.page > 1 ? <a href={pageHref(p.filter, p.page - 1)}>上一页</a> : null}
          <span>
            第 {p.page} / {pages} 页
          </span>
          {p.page < pages ? <a href={pageHref(p.filter, p.page + 1)}>下一页</a> : null}
        </nav>
      ) : null}
    </PortalLayout>
  );
};
