// 信箱设置: the mailboxes of the actor's subtree (领导信箱, 部门信箱, 公众监督) with their time limits per
// kind, warning levels, review and the letters they hold; each opens its form (mailbox-form.tsx).
import type { FC } from 'hono/jsx';
import { LETTER_KINDS } from '../../domain/letters/kinds.js';
import type { MailboxListItem } from '../../queries/mailboxes-admin.js';
import { Table } from '../components/table.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { LETTER_KIND_LABELS, MAILBOX_KIND_LABELS } from '../models/letter-labels.js';

export interface MailboxListView {
  shell: Omit<AdminShellProps, 'title'>;
  mailboxes: MailboxListItem[];
  done?: 'created' | 'updated';
}

/** 「咨询 5、建议 5、投诉 7、求助 7 个工作日」 */
export function timeLimitsText(limits: Record<string, number>): string {
  return `${LETTER_KINDS.map((k) => `${LETTER_KIND_LABELS[k]} ${limits[k] ?? '—'}`).join('、')} 个工作日`;
}

/** 「预警：到期前 2 个工作日；黄牌：逾期 0 个工作日后；红牌：逾期 5 个工作日后」 */
export function warningRulesText(m: {
  warnDaysBefore: number;
  yellowDaysAfter: number;
  redDaysAfter: number;
}): string {
  return `预警：到期前 ${m.warnDaysBefore} 个工作日；黄牌：逾期超过 ${m.yellowDaysAfter} 个工作日；红牌：逾期超过 ${m.redDaysAfter} 个工作日`;
}

export const MailboxListPage: FC<MailboxListView> = (p) => {
  const title = '信箱设置';
  return (
    <AdminLayout {...p.shell} title={title}>
      {p.done ? (
        <div class="notice notice-success" role="status">
          {p.done === 'created' ? '已新增信箱。' : '已保存信箱设置。'}
        </div>
      ) : null}
      <h1>{title}</h1>
      <p class="hint">
        每个信箱的办理时限（按留言类型，以工作日计，自受理之日起算）、预警和黄牌红牌、答复是否须经审核、查询码位数以及写信人必须填写的联系方式。
      </p>
      <p>
        <a class="button button-secondary" href="/admin/mailboxes/new">
          新增信箱
        </a>
      </p>
      {p.mailboxes.length === 0 ? (
        <p>管辖范围内还没有信箱。</p>
      ) : (
        <Table
          caption={`共 ${p.mailboxes.length} 个信箱`}
          head={['信箱', '类型', '所属机构', '办理时限', '预警和黄牌红牌', '答复审核', '状态', '信件', '']}
          rows={p.mailboxes.map((m) => [
            <>
              {m.name}
              {m.leaderName ? (
                <div class="hint">
                  {m.leaderTitle ? `${m.leaderTitle} ` : ''}
                  {m.leaderName}
                </div>
              ) : null}
            </>,
            MAILBOX_KIND_LABELS[m.kind as keyof typeof MAILBOX_KIND_LABELS] ?? '其他',
            m.agencyName,
            timeLimitsText(m.timeLimits),
            warningRulesText(m),
            m.reviewRequired ? '须审核' : '不审核',
            m.active ? <span class="tag tag-green">启用</span> : <span class="tag tag-grey">停用</span>,
            `办理中 ${m.openLetters} / 共 ${m.letters}`,
            <a href={`/admin/mailboxes/${m.id}/edit`}>
              编辑<span class="visually-hidden">{m.name}</span>
            </a>,
          ])}
        />
      )}
    </AdminLayout>
  );
};
