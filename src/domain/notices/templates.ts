// The default notice templates, one per kind of notice and, for the reply (答复书), one per outcome
// whose wording differs. Written as Chinese agencies write them: the addressee, 「本机关于……收到您
// （单位）提出的政府信息公开申请」, the decision with its article, and for every reply the remedies
// paragraph last. An agency may replace any of them (validateTemplate checks the replacement).
import { InvalidInput } from '../errors.js';
import { STATUTE } from '../calendar/clock-rules.js';
import { isOutcome, OUTCOME_RULES, type Outcome } from '../applications/outcomes.js';
import { NOTICE_KIND_ARTICLES, type NoticeKind } from './kinds.js';
import type { NoticeTemplateText } from './template.js';

export interface NoticeTemplate extends NoticeTemplateText {
  kind: NoticeKind;
  /** For a reply: the outcomes it is written for. */
  outcomes?: readonly Outcome[];
  /** The article(s) the notice cites. */
  article: string;
}

const LAW = '《中华人民共和国政府信息公开条例》';
const INTRO =
  '本机关于{{receivedOn}}收到您（单位）提出的政府信息公开申请，申请获取“{{description}}”的政府信息。';
const REPLY_INTRO = `${INTRO}现答复如下：`;
const APPLICANT = '{{applicantName}}';
const REPLY_TITLE = '政府信息公开申请答复书';

const lines = (...paragraphs: string[]) => paragraphs.join('\n');

const reply = (outcomes: readonly Outcome[], ...paragraphs: string[]): NoticeTemplate => ({
  kind: 'decision',
  outcomes,
  article: OUTCOME_RULES[outcomes[0]!].basis,
  title: REPLY_TITLE,
  addressee: APPLICANT,
  body: lines(REPLY_INTRO, ...paragraphs, '{{remedies}}'),
});

const DENIED: readonly Outcome[] = [
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.threeSecurityOneStability',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.process',
  'denied.enforcementFile',
];

export const DEFAULT_TEMPLATES: readonly NoticeTemplate[] = [
  {
    kind: 'receipt',
    article: NOTICE_KIND_ARTICLES.receipt,
    title: '政府信息公开申请登记回执',
    addressee: APPLICANT,
    body: lines(
      INTRO,
      `本机关已对您的申请予以登记，申请编号为{{trackingNumber}}。根据${LAW}第三十三条的规定，本机关将自收到申请之日起${STATUTE.replyWorkdays}个工作日内（即{{dueBy}}前）予以答复；需要延长答复期限的，将另行书面告知。征求第三方和其他机关意见所需时间不计算在上述期限内。`,
      '您可以凭申请编号查询办理进度。',
      '特此回执。',
    ),
  },
  {
    kind: 'correction',
    article: NOTICE_KIND_ARTICLES.correction,
    title: '政府信息公开申请补正告知书',
    addressee: APPLICANT,
    body: lines(
      INTRO,
      `经审查，您的申请内容不明确，本机关无法确定您申请获取的政府信息。根据${LAW}第三十条的规定，请您对以下事项作出补正：`,
      '{{corrections}}',
      '请您于{{dueBy}}前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '特此告知。',
    ),
  },
  {
    kind: 'extension',
    article: NOTICE_KIND_ARTICLES.extension,
    title: '延长政府信息公开申请答复期限告知书',
    addressee: APPLICANT,
    body: lines(
      INTRO,
      `经审查，本机关不能在规定期限内作出答复，理由是：{{reasons}}根据${LAW}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{workdays}}个工作日，本机关将于{{dueBy}}前作出答复。`,
      '特此告知。',
    ),
  },
  {
    kind: 'consultationThirdParty',
    article: NOTICE_KIND_ARTICLES.consultationThirdParty,
    title: '政府信息公开征求第三方意见函',
    addressee: '{{thirdParty}}',
    body: lines(
      '本机关于{{receivedOn}}收到政府信息公开申请，申请获取“{{description}}”的政府信息。经审查，该政府信息公开可能损害您（单位）的合法权益。',
      `根据${LAW}第三十二条的规定，现书面征求您（单位）的意见。请您（单位）自收到本函之日起${STATUTE.consultationAnswerWorkdays}个工作日内，以书面形式向本机关提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照${LAW}的规定决定是否公开。`,
      '特此函询。',
    ),
  },
  {
    kind: 'consultationAgency',
    article: NOTICE_KIND_ARTICLES.consultationAgency,
    title: '政府信息公开征求意见函',
    addressee: '{{otherAgency}}',
    body: lines(
      '本机关于{{receivedOn}}收到政府信息公开申请，申请获取“{{description}}”的政府信息。该政府信息由本机关与贵单位共同制作。',
      `根据${LAW}第三十四条的规定，现征求贵单位意见。请贵单位自收到本函之日起${STATUTE.consultationAnswerWorkdays}个工作日内书面提出是否同意公开的意见；逾期未提出意见的，视为同意公开。`,
      '特此函询。',
    ),
  },
  {
    kind: 'fee',
    article: NOTICE_KIND_ARTICLES.fee,
    title: '政府信息公开信息处理费缴费通知书',
    addressee: APPLICANT,
    body: lines(
      INTRO,
      `经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${LAW}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费人民币{{amount}}元。计算方式如下：`,
      '{{feeDetails}}',
      '请您于{{dueBy}}前缴纳。逾期未缴纳的，本机关不再处理该政府信息公开申请。',
      '特此通知。',
    ),
  },
  {
    kind: 'reasonablePeriod',
    article: NOTICE_KIND_ARTICLES.reasonablePeriod,
    title: '政府信息公开申请延迟答复告知书',
    addressee: APPLICANT,
    body: lines(
      INTRO,
      `您申请公开政府信息的数量、频次明显超过合理范围。经审查，本机关认为您说明的申请理由合理，但无法在${LAW}第三十三条规定的期限内答复，理由是：{{reasons}}根据${LAW}第三十五条的规定，本机关确定延迟答复的合理期限至{{dueBy}}。`,
      '特此告知。',
    ),
  },
  {
    kind: 'transfer',
    article: NOTICE_KIND_ARTICLES.transfer,
    title: '政府信息公开申请告知书',
    addressee: APPLICANT,
    body: lines(
      REPLY_INTRO,
      `经审查，{{reasons}}您申请获取的政府信息不属于本机关负责公开的政府信息。根据${LAW}第十条和第三十六条第（五）项的规定，负责公开该政府信息的行政机关为{{otherAgency}}（联系方式：{{otherAgencyContact}}），请您向该机关提出申请。`,
      '{{remedies}}',
    ),
  },
  reply(
    ['granted'],
    `经审查，您申请获取的政府信息属于公开范围。根据${LAW}{{ground}}的规定，本机关决定予以公开。{{delivery}}`,
  ),
  reply(
    ['partial'],
    `经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据${LAW}第三十七条的规定，本机关向您提供可以公开的信息内容。{{delivery}}`,
    `对不予公开的部分，理由如下：{{reasons}}根据${LAW}{{ground}}的规定，该部分信息不予公开。`,
  ),
  reply(DENIED, `经审查，{{reasons}}根据${LAW}{{ground}}和第三十六条第（三）项的规定，本机关决定不予公开。`),
  reply(
    ['denied.adminQuery'],
    `经审查，{{reasons}}有关法律、行政法规对该信息的获取有特别规定。根据${LAW}{{ground}}的规定，请您依照有关法律、行政法规的规定办理。`,
  ),
  reply(
    ['unable.notHeld'],
    `经检索，本机关没有您申请获取的政府信息。{{reasons}}根据${LAW}{{ground}}的规定，特此告知您该政府信息不存在，本机关无法提供。`,
  ),
  reply(
    ['unable.needsCreation'],
    `经审查，本机关没有现成的您申请获取的政府信息，需要对现有政府信息进行加工、分析方能形成。{{reasons}}根据${LAW}{{ground}}的规定，本机关不予提供。`,
  ),
  reply(
    ['unable.unclearAfterCorrection'],
    `本机关已告知您对申请内容作出补正。经审查，您补正后的申请内容仍不明确，本机关无法确定您申请获取的政府信息。{{reasons}}根据${LAW}{{ground}}的规定，本机关无法提供。`,
  ),
  reply(
    ['notProcessed.petition'],
    `经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等事项。{{reasons}}根据${LAW}{{ground}}的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。`,
  ),
  reply(
    ['notProcessed.repeat'],
    `经审查，本机关已就您提出的相同政府信息公开申请作出答复，您本次申请公开的是相同的政府信息。{{reasons}}根据${LAW}{{ground}}的规定，本机关不予重复处理。`,
  ),
  reply(
    ['notProcessed.publication'],
    `经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据${LAW}{{ground}}的规定，本机关告知您获取的途径：{{delivery}}`,
  ),
  reply(
    ['notProcessed.massRepeat'],
    `您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。经审查，{{reasons}}本机关认为您的申请理由不合理。根据${LAW}{{ground}}的规定，本机关不予处理。`,
  ),
  reply(
    ['notProcessed.confirmOrReissue'],
    `经审查，您的申请是要求本机关确认或者重新出具您已获取的信息。{{reasons}}该申请不属于${LAW}规定的政府信息公开申请，本机关不予处理。`,
  ),
  reply(
    ['other.noCorrection'],
    `本机关已告知您对申请内容作出补正，您无正当理由未在{{dueBy}}前补正。根据${LAW}{{ground}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
  ),
  reply(
    ['other.feeUnpaid'],
    `本机关已向您送达信息处理费缴费通知书，您未在{{dueBy}}前缴纳。根据${LAW}{{ground}}和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关不再处理该政府信息公开申请。`,
  ),
  reply(['other.misc'], '{{reasons}}'),
];

/**
 * The default template of a kind; a reply (kind 'decision') needs its outcome. Throws InvalidInput
 * for a reply without a known outcome.
 */
export function defaultTemplate(kind: NoticeKind, outcome?: Outcome | string | null): NoticeTemplate {
  if (kind !== 'decision') return DEFAULT_TEMPLATES.find((t) => t.kind === kind)!;
  if (!outcome || !isOutcome(outcome))
    throw new InvalidInput({ outcome: '请选择办理结果' }, '答复书须指明办理结果');
  return DEFAULT_TEMPLATES.find((t) => t.kind === 'decision' && t.outcomes!.includes(outcome))!;
}
