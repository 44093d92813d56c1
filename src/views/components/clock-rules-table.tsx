// The counting rules the law leaves open, for staff (back office 工作日历): each default, its setting
// name in ClockRules and whether it was verified in an official text. The public /deadlines page
// states only the rule applied; the doubts live here and in docs/calendar.md §4.
import type { FC } from 'hono/jsx';
import { DEFAULT_CLOCK_RULES, type ClockRules } from '../../domain/calendar/clock-rules.js';
import type { Lang } from '../i18n.js';

const yes = (b: boolean) => (b ? '是' : '否');

/** The rules with the values of `R` (the installation's rules in force). */
const rulesOf = (R: ClockRules): { name: string; zh: string; value: string }[] => [
  {
    name: 'countFromNextDay',
    zh: '收到申请（或信息形成）的当天不计，自次日起算',
    value: yes(R.countFromNextDay),
  },
  {
    name: 'pauseExcludesFromDay',
    zh: '不计算的期间包括其起始日（如发出征求意见书之日）',
    value: yes(R.pauseExcludesFromDay),
  },
  {
    name: 'pauseExcludesToDay',
    zh: '不计算的期间包括其结束日（如收到意见之日）',
    value: yes(R.pauseExcludesToDay),
  },
  {
    name: 'consultationReceiptAssumedDays',
    zh: '被征求意见方收到征求意见书的日期未记录时，按发出后第几日收到计算（0 = 当日）',
    value: String(R.consultationReceiptAssumedDays),
  },
  { name: 'feePausesClock', zh: '收费通知至缴费期间不计算在答复期限内', value: yes(R.feePausesClock) },
  {
    name: 'feePaymentWindowWorkdays',
    zh: '缴费期限（自申请人收到收费通知之日起的工作日数）',
    value: String(R.feePaymentWindowWorkdays),
  },
  {
    name: 'feeNoticeReceiptAssumedDays',
    zh: '申请人收到收费通知的日期未记录时，按通知后第几日收到计算（0 = 当日）',
    value: String(R.feeNoticeReceiptAssumedDays),
  },
  {
    name: 'calendarPeriodRollsForward',
    zh: '按日历日计算的期间（复议、诉讼）最后一日为休息日的，顺延至下一个工作日',
    value: yes(R.calendarPeriodRollsForward),
  },
];

/** `rules`: the values in force (set at /admin/settings/rules); the defaults when absent. */
export const ClockRulesTable: FC<{ lang: Lang; rules?: ClockRules }> = ({
  lang,
  rules = DEFAULT_CLOCK_RULES,
}) => (
  <section aria-labelledby="clock-rules">
    <h2 id="clock-rules">
      {lang === 'zh' ? '期限计算规则（默认值，待核实）' : 'Counting rules (defaults, unverified)'}
    </h2>
    <p class="hint">
      {lang === 'zh'
        ? '以下规则《条例》没有明确规定，本系统采用常见做法作为默认值，尚待与官方解释核对（详见 docs/calendar.md 第4节）。法定的天数（20、7、15 个工作日等）不可调整。公众页面“期限如何计算”只说明实际采用的规则。'
        : 'The Regulations do not settle these rules; the defaults follow common practice and are still to be verified (docs/calendar.md §4). Statutory numbers are fixed. The public page states only the rule applied.'}
    </p>
    <p class="hint">
      {lang === 'zh'
        ? '系统管理员可在“办理规则”页面（/admin/settings/rules）修改这些规则，下表为现行值。'
        : 'A system administrator may change these rules at /admin/settings/rules; the table shows the values in force.'}
    </p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{lang === 'zh' ? '规则' : 'Rule'}</th>
            <th scope="col">{lang === 'zh' ? '现行值' : 'In force'}</th>
            <th scope="col">{lang === 'zh' ? '配置项' : 'Setting'}</th>
          </tr>
        </thead>
        <tbody>
          {rulesOf(rules).map((r) => (
            <tr>
              <td>{r.zh}</td>
              <td>{r.value}</td>
              <td>
                <code>{r.name}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
);
