// "期限如何计算": the plain-language explanation of the statutory periods (条例 第二十六、三十至三十五、
// 四十二、五十一条) and of the counting rules that are defaults rather than settled law.
import type { FC } from 'hono/jsx';
import { DEFAULT_CLOCK_RULES, STATUTE } from '../../domain/calendar/index.js';
import type { Lang } from '../i18n.js';

const S = STATUTE;
const R = DEFAULT_CLOCK_RULES;
const Unverified: FC = () => (
  <>
    {'（'}
    <a href="#rules">待核实，可配置</a>
    {'）'}
  </>
);

// Each text run stays on one source line: a line break inside JSX text would become a space.
export const DeadlinesExplainerZh: FC = () => (
  <>
    <h2 id="workdays">工作日</h2>
    <p>
      {'《条例》规定的期限都以'}
      <strong>工作日</strong>
      {'计算。工作日不等于周一至周五：周末和法定节假日不计入；国务院为连休安排'}
      <strong>调休</strong>
      {
        '时，被调为上班的周六、周日（调休上班日）计入。例如2026年10月10日（星期六）是调休上班日，10月7日（星期三）是国庆节假期。每年的安排以国务院办公厅的通知为准，见'
      }
      <a href="/calendar">工作日历</a>
      {'。某一年的安排尚未公布时，本站对涉及该年的期限明确提示“可能不准确”，不会悄悄按周一至周五计算。'}
    </p>
    <h2 id="start">从哪一天开始算</h2>
    <p>
      {'期限自'}
      <strong>收到申请之日</strong>
      {
        '起计算（第三十一条）：当面提交的，以提交之日为准；以邮寄方式提交的，以行政机关签收之日为准；以平常信函等无需签收的邮寄方式提交的，以双方确认之日为准；通过互联网渠道或者传真提交的，以双方确认之日为准。'
      }
      {R.countFromNextDay
        ? '收到申请的当天不计，自次日起算第1个工作日'
        : '本站当前设置为收到申请的当天即计为第1个工作日'}
      <Unverified />。
    </p>
    <h2 id="reply">答复期限：20个工作日，可延长20个工作日</h2>
    <p>
      {`行政机关能够当场答复的，应当当场答复；不能当场答复的，应当自收到申请之日起${S.replyWorkdays}个工作日内答复。需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过${S.maxExtensionWorkdays}个工作日（第三十三条第二款）。延长的工作日接在原期限届满日之后继续计算。`}
    </p>
    <h2 id="correction">补正：期限重新计算</h2>
    <p>
      {`申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起${S.correctionNoticeWorkdays}个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关`}
      <strong>收到补正的申请之日起计算</strong>
      {'，原来已经过的天数不再计入。申请人无正当理由逾期不补正的，视为放弃申请（第三十条）。'}
    </p>
    <h2 id="consultation">征求意见：所需时间不计算在期限内</h2>
    <p>
      {`依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的意见，第三方应当自收到征求意见书之日起${S.consultationAnswerWorkdays}个工作日内提出意见（第三十二条）；申请公开的政府信息由两个以上行政机关共同制作的，牵头制作的行政机关可以征求相关行政机关的意见，被征求意见机关应当自收到征求意见书之日起${S.consultationAnswerWorkdays}个工作日内提出意见（第三十四条）。行政机关征求第三方和其他机关意见所需时间`}
      <strong>不计算在答复期限内</strong>
      {'（第三十三条第三款）。本站默认不计的期间包括发出征求意见之日和收到意见之日'}
      <Unverified />。
    </p>
    <h2 id="article35">申请数量、频次明显超过合理范围（第三十五条）</h2>
    <p>
      {
        '申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理；认为申请理由合理，但是无法在第三十三条规定的期限内答复的，可以确定延迟答复的'
      }
      <strong>合理期限</strong>
      {'并告知申请人。此时答复期限为行政机关告知的日期。'}
    </p>
    <h2 id="fees">信息处理费</h2>
    <p>
      {
        '行政机关依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，可以收取信息处理费（第四十二条；《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。本站默认自发出收费通知至申请人缴费之日不计算在答复期限内，逾期未缴费的不再处理'
      }
      <Unverified />。
    </p>
    <h2 id="proactive">主动公开：20个工作日</h2>
    <p>
      {`属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起${S.proactiveDisclosureWorkdays}个工作日内及时公开；法律、法规对政府信息公开的期限另有规定的，从其规定（第二十六条）。`}
    </p>
    <h2 id="remedies">行政复议和行政诉讼</h2>
    <p>
      {
        '认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼（第五十一条）。这些期限按'
      }
      <strong>日历日</strong>
      {'（自然日）计算，不是工作日：'}
    </p>
    <ul>
      <li>{`申请行政复议：自知道或者应当知道该行政行为之日起${S.reconsiderationDays}日内（《行政复议法》第二十条）；`}</li>
      <li>{`直接提起行政诉讼：自知道或者应当知道作出行政行为之日起${S.lawsuitDirectMonths}个月内（《行政诉讼法》第四十六条）；`}</li>
      <li>
        {`不服复议决定提起诉讼：自收到复议决定书之日起${S.lawsuitAfterReconsiderationDays}日内；复议机关逾期不作决定的，自复议期满之日起${S.lawsuitAfterReconsiderationDays}日内（《行政诉讼法》第四十五条）。`}
      </li>
    </ul>
    <p>
      {'期间的最后一日是法定休假日的，以休假日后的第一个工作日为期间的最后一日'}
      <Unverified />。
    </p>
  </>
);

const RULES: { name: string; zh: string; value: (lang: Lang) => string }[] = [
  {
    name: 'countFromNextDay',
    zh: '收到申请（或信息形成）的当天不计，自次日起算',
    value: () => (R.countFromNextDay ? '是' : '否'),
  },
  {
    name: 'pauseExcludesFromDay',
    zh: '不计算的期间包括其起始日（如发出征求意见之日）',
    value: () => (R.pauseExcludesFromDay ? '是' : '否'),
  },
  {
    name: 'pauseExcludesToDay',
    zh: '不计算的期间包括其结束日（如收到意见之日）',
    value: () => (R.pauseExcludesToDay ? '是' : '否'),
  },
  {
    name: 'unansweredConsultationPause',
    zh: '被征求意见方逾期未答复时，暂停计算至其 15 个工作日答复期届满',
    value: () => (R.unansweredConsultationPause === 'until-answer-due' ? '是' : '否（持续至今日）'),
  },
  {
    name: 'feePausesClock',
    zh: '收费通知至缴费期间不计算在期限内',
    value: () => (R.feePausesClock ? '是' : '否'),
  },
  {
    name: 'feePaymentWindowWorkdays',
    zh: '缴费期限（工作日）',
    value: () => String(R.feePaymentWindowWorkdays),
  },
  {
    name: 'calendarPeriodRollsForward',
    zh: '按日历日计算的期间最后一日为休息日的，顺延至下一个工作日',
    value: () => (R.calendarPeriodRollsForward ? '是' : '否'),
  },
];

/** The counting rules the law leaves open: defaults, each configurable. */
export const ConfigurableRules: FC<{ lang: Lang }> = ({ lang }) => (
  <>
    <h2 id="rules">
      {lang === 'zh' ? '可配置的计算规则（待核实）' : 'Configurable counting rules (unverified)'}
    </h2>
    <p>
      {lang === 'zh'
        ? '以下规则《条例》没有明确规定，本站采用常见做法作为默认值，尚待与官方解释核对；各地可按本地规定调整。法定的天数（20、7、15 个工作日等）不可调整。'
        : 'The Regulations do not settle these rules; the defaults follow common practice and are still to be verified. Statutory numbers are fixed.'}
    </p>
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{lang === 'zh' ? '可配置的计算规则' : 'Configurable rules'}</caption>
        <thead>
          <tr>
            <th scope="col">{lang === 'zh' ? '规则' : 'Rule'}</th>
            <th scope="col">{lang === 'zh' ? '默认值' : 'Default'}</th>
            <th scope="col">{lang === 'zh' ? '配置项' : 'Setting'}</th>
          </tr>
        </thead>
        <tbody>
          {RULES.map((r) => (
            <tr>
              <td>{r.zh}</td>
              <td>{r.value(lang)}</td>
              <td>
                <code>{r.name}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);
