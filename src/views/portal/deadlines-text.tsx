// "期限如何计算": the plain-language explanation of the statutory periods (条例 第二十六、三十至三十五、
// 四十二、五十一条) as the system applies them, each with its legal basis. Which of these rules are
// defaults an agency may change, and which were not verified in an official text, is said in
// docs/calendar.md §4 — not here: a citizen needs the rule that was applied, not our doubts.
import type { FC } from 'hono/jsx';
import { DEFAULT_CLOCK_RULES, REMEDY_TEXT, STATUTE, type ClockRules } from '../../domain/calendar/index.js';

const S = STATUTE;

// Each text run stays on one source line: a line break inside JSX text would become a space.
/** `rules`: the installation's rules in force (/admin/settings/rules), the defaults when absent. */
export const DeadlinesExplainerZh: FC<{ rules?: ClockRules }> = ({ rules: R = DEFAULT_CLOCK_RULES }) => (
  <>
    <h2 id="workdays">工作日</h2>
    <p>
      {'《条例》规定的期限都以'}
      <strong>工作日</strong>
      {'计算。工作日不等于周一至周五：周末和法定节假日不计入；国务院为连休安排'}
      <strong>调休</strong>
      {
        '时，被调为上班的周六、周日（调休上班日）计入。例如2026年10月10日（星期六）是调休上班日，10月7日（星期三）是国庆节假期。每年的安排以国务院办公厅关于部分节假日安排的通知为准，见'
      }
      <a href="/calendar">工作日历</a>。
    </p>
    <p>
      {
        '某一年的通知尚未发布时，本站按《全国年节及纪念日放假办法》（2024年修订，国务院令第798号，2025年1月1日起施行）规定的法定节假日计算：元旦1天（1月1日），春节4天（农历除夕至正月初三），清明节1天（清明节气当日），劳动节2天（5月1日、2日），端午节1天（农历五月初五），中秋节1天（农历八月十五），国庆节3天（10月1日至3日）。调休上班日和节日适逢周末时的补假要等通知发布才能确定，因此涉及该年的期限会提示“可能不准确”。'
      }
    </p>
    <h2 id="start">从哪一天开始算</h2>
    <p>
      {'期限自'}
      <strong>收到申请之日</strong>
      {
        '起计算（第三十一条）：当面提交的，以提交之日为准；以邮寄方式提交的，以行政机关签收之日为准；以平常信函等无需签收的邮寄方式提交的，以双方确认之日为准；通过互联网渠道或者传真提交的，以双方确认之日为准。'
      }
      {R.countFromNextDay ? '收到申请的当天不计，自次日起算第1个工作日。' : '收到申请的当天计为第1个工作日。'}
    </p>
    <p>
      {
        '修订后的《条例》自2019年5月15日起施行（第五十六条）。此前收到的申请适用2007年《条例》（15个工作日，可延长15个工作日），本站不计算其期限。'
      }
    </p>
    <h2 id="reply">答复期限：20个工作日，可延长20个工作日</h2>
    <p>
      {`行政机关能够当场答复的，应当当场答复；不能当场答复的，应当自收到申请之日起${S.replyWorkdays}个工作日内答复。需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过${S.maxExtensionWorkdays}个工作日（第三十三条第二款）。延长的工作日接在原期限届满日之后继续计算。延长须在原期限届满前批准：期限届满后才批准的延长不产生延长效果，答复仍按原期限计算为逾期。`}
    </p>
    <h2 id="correction">补正：期限重新计算</h2>
    <p>
      {`申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起${S.correctionNoticeWorkdays}个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关`}
      <strong>收到补正的申请之日起计算</strong>
      {'，原来已经过的天数不再计入。申请人无正当理由逾期不补正的，视为放弃申请（第三十条）。'}
    </p>
    <h2 id="consultation">征求意见：所需时间不计算在期限内，但以对方的答复期限为限</h2>
    <p>
      {`依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的意见，第三方应当自收到征求意见书之日起${S.consultationAnswerWorkdays}个工作日内提出意见；第三方逾期未提出意见的，由行政机关依照《条例》的规定决定是否公开（第三十二条）。申请公开的政府信息由两个以上行政机关共同制作的，牵头制作的行政机关可以征求相关行政机关的意见，被征求意见机关应当自收到征求意见书之日起${S.consultationAnswerWorkdays}个工作日内提出意见，逾期未提出意见的视为同意公开（第三十四条）。`}
    </p>
    <p>
      {'行政机关征求第三方和其他机关意见所需时间'}
      <strong>不计算在答复期限内</strong>
      {`（第三十三条第三款）。本站计算时，不计算的时间自发出征求意见书之日起，至收到意见之日止（两日均不计入），但最迟到对方${S.consultationAnswerWorkdays}个工作日的答复期限届满之日为止：对方逾期答复的，逾期的时间计入答复期限。对方收到征求意见书的日期没有记录时，按发出当日收到计算，计算结果中会注明。`}
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
      {`行政机关依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，可以收取信息处理费（第四十二条；《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。本站计算时，自发出收费通知之日至申请人缴费之日不计算在答复期限内；申请人自收到收费通知之日起${R.feePaymentWindowWorkdays}个工作日内未缴费的，行政机关不再处理该申请。`}
    </p>
    <h2 id="proactive">主动公开：20个工作日</h2>
    <p>
      {`属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起${S.proactiveDisclosureWorkdays}个工作日内及时公开；法律、法规对政府信息公开的期限另有规定的，从其规定（第二十六条）。`}
    </p>
    <h2 id="remedies">行政复议和行政诉讼</h2>
    <p>
      {
        '认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼（第五十一条）。哪条途径可用，取决于答复的内容和作出的日期：'
      }
    </p>
    <ul>
      <li>{REMEDY_TEXT.reconsiderationFirst}</li>
      <li>{REMEDY_TEXT.choice}</li>
    </ul>
    <p>
      {'这些期限按'}
      <strong>日历日</strong>
      {'（自然日）计算，不是工作日：'}
    </p>
    <ul>
      <li>{REMEDY_TEXT.reconsideration}</li>
      <li>{REMEDY_TEXT.lawsuitDirect}</li>
      <li>{REMEDY_TEXT.lawsuitAfter}</li>
    </ul>
    <p>
      {R.calendarPeriodRollsForward
        ? '期间的最后一日是法定休假日的，以休假日后的第一个工作日为期间的最后一日。'
        : '期间的最后一日是法定休假日的，不顺延。'}
    </p>
  </>
);
