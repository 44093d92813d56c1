// 意见征集 of the demo city (synthetic: the drafts, the people and their opinions are invented): a
// 行政规范性文件 that concerns market participants and a 规章, both closed with their feedback reports
// published, and a 重大行政决策 open today. Loaded through the ordinary commands, dated relative to
// today, each period at least its type's minimum (the open command checks it).
import { closeConsultation, openConsultation, publishFeedback } from '../commands/consultations/lifecycle.js';
import { decideOpinion, enterOpinion, submitOpinion } from '../commands/consultations/opinions.js';
import { saveConsultation } from '../commands/consultations/save.js';
import type { CommandContext, Deps } from '../commands/context.js';
import { addDays } from '../domain/calendar/index.js';
import type { ConsultationType, Decision, OpinionChannel } from '../domain/consultations/index.js';
import { findAgencyByCode } from '../queries/agencies.js';

/** [name (null: anonymous), channel, clause, content, decision, reason] */
type DemoOpinion = [string | null, OpinionChannel, string | null, string, Decision, string | null];

interface DemoConsultation {
  agencyCode: string;
  title: string;
  description: string;
  decisionType: ConsultationType;
  concernsMarket?: boolean;
  /** Days before today it opened, and its length in calendar days (both ends counted). */
  openedDaysAgo: number;
  days: number;
  email: string;
  postalAddress: string;
  opinions: DemoOpinion[];
  summary?: string;
  /** Still open: portal opinions received today, undecided. */
  open?: boolean;
}

const MARKET: DemoConsultation = {
  agencyCode: 'JN.GXJ',
  title: '江南市促进中小微企业高质量发展若干措施（征求意见稿）',
  description:
    '为贯彻落实国家和省关于支持中小微企业发展的决策部署，进一步优化营商环境，市工业和信息化局起草了《江南市促进中小微企业高质量发展若干措施（征求意见稿）》。\n本措施共五个部分二十条，包括融资支持、降低成本、创新发展、市场开拓和服务保障。因与市场主体生产经营活动密切相关，征求意见期为30日以上。',
  decisionType: 'normative',
  concernsMarket: true,
  openedDaysAgo: 140,
  days: 33,
  email: 'zxqy@gxj.jiangnan.example.gov.cn',
  postalAddress: '江南市人民路100号市工业和信息化局中小企业处（邮编 210000）',
  summary:
    '征求意见期间，共收到意见建议15条。经认真研究，采纳7条，部分采纳4条，未采纳4条。未采纳的主要原因是超出本措施的调整范围或与上位法规定不一致。感谢社会各界的关心和支持。',
  opinions: [
    [
      '江南市新锐精密机械有限公司',
      'online',
      '第三条',
      '建议将首贷贴息比例由50%提高到60%，并将单户贴息上限提高到30万元。',
      'partly',
      '贴息比例提高至60%；单户上限综合财力测算，维持20万元。',
    ],
    [
      '陈志强',
      'online',
      '第五条',
      '建议明确“专精特新”企业认定奖励的申报时间和兑现期限，避免企业反复跑腿。',
      'adopted',
      null,
    ],
    [
      '江南市小微企业协会',
      'email',
      '第七条',
      '建议对租用标准厂房的小微企业给予租金补贴，并向产业园区外企业开放申报。',
      'adopted',
      null,
    ],
    ['刘丽华', 'online', null, '建议设立政策兑现“一窗受理”，所有补贴在一个平台申报。', 'adopted', null],
    [
      '周建国',
      'letter',
      '第十二条',
      '建议政府采购预留份额中面向小微企业的比例提高到50%。',
      'not_adopted',
      '政府采购预留份额比例由国家和省统一规定，本措施不宜另作规定。',
    ],
    [
      '江南市瑞丰食品有限公司',
      'email',
      '第九条',
      '建议对企业首次参加境外展会的展位费给予全额补贴。',
      'partly',
      '补贴比例提高至70%，全额补贴不符合财政资金绩效管理要求。',
    ],
    ['吴晓东', 'online', '第十条', '建议将数字化改造诊断服务费纳入补贴范围。', 'adopted', null],
    [
      null,
      'online',
      null,
      '建议降低水电气接入费用，压缩接入时间。',
      'partly',
      '接入时间已纳入优化营商环境专项行动；收费标准由价格主管部门另行研究。',
    ],
    ['郑海燕', 'phone', '第十五条', '建议建立涉企检查“白名单”，减少对守法企业的检查频次。', 'adopted', null],
    ['孙立新', 'online', '第二条', '建议将个体工商户一并纳入适用范围。', 'adopted', null],
    [
      '江南市众创空间联盟',
      'meeting',
      '第十一条',
      '建议对孵化载体按孵化企业数量给予运营补贴。',
      'not_adopted',
      '孵化载体运营补贴已由《江南市科技企业孵化器管理办法》规定，本措施不再重复。',
    ],
    [
      '黄明',
      'online',
      null,
      '建议取消所有企业的社保缴费。',
      'not_adopted',
      '社会保险费缴纳由法律规定，不属于本市政策可调整事项。',
    ],
    ['林思远', 'email', '第十八条', '建议明确各项措施的有效期和评估机制。', 'adopted', null],
    [
      '马卫东',
      'online',
      '第四条',
      '建议扩大应急转贷资金规模，并将使用费率降至日万分之一。',
      'partly',
      '扩大资金规模的建议予以采纳；费率调整需与合作银行协商，暂按日万分之一点五执行。',
    ],
    [
      '高雅琴',
      'online',
      '第六条',
      '建议将研发费用补助的门槛由营业收入500万元降至200万元。',
      'not_adopted',
      '门槛与省级配套政策衔接，本次暂不调整，将在评估后研究。',
    ],
  ],
};

const RULE: DemoConsultation = {
  agencyCode: 'JN.SFJ',
  title: '江南市城市绿化管理办法（草案）',
  description:
    '为加强城市绿化建设和管理，改善生态环境，根据《城市绿化条例》等法律法规，结合本市实际，市住房和城乡建设局起草、市司法局审查修改了《江南市城市绿化管理办法（草案）》，现向社会公开征求意见。\n草案共六章四十二条，主要规定绿化规划、建设、保护和管理等内容。',
  decisionType: 'rule',
  openedDaysAgo: 90,
  days: 31,
  email: 'lhbf@sfj.jiangnan.example.gov.cn',
  postalAddress: '江南市府前街8号市司法局立法处（邮编 210001），请在信封上注明“绿化办法意见”',
  summary:
    '草案公开征求意见期间共收到意见12条，采纳5条，部分采纳3条，未采纳4条。已根据采纳的意见对草案作了修改，修改后的草案将按程序提请市政府常务会议审议。',
  opinions: [
    [
      '许文博',
      'online',
      '第十二条',
      '建议明确新建居住区绿地率不低于30%，旧区改造不低于25%。',
      'adopted',
      null,
    ],
    [
      '何静',
      'online',
      '第二十条',
      '建议禁止在行道树上悬挂广告牌和晾晒衣物，并明确处罚标准。',
      'adopted',
      null,
    ],
    [
      '江南市园林绿化行业协会',
      'letter',
      '第二十五条',
      '建议古树名木保护范围由树冠垂直投影外5米调整为外10米。',
      'partly',
      '一级古树名木按外8米、二级按外5米确定保护范围。',
    ],
    [
      '罗建华',
      'online',
      '第三十条',
      '建议允许居民在小区公共绿地种植蔬菜。',
      'not_adopted',
      '公共绿地属于全体业主共有，不宜由个人占用种植。',
    ],
    [
      '谢婷婷',
      'email',
      '第八条',
      '建议增加屋顶绿化、垂直绿化的鼓励措施，并折算一定比例的绿地面积。',
      'partly',
      '增加鼓励条款；绿地面积折算比例由市住建部门另行制定技术规定。',
    ],
    [
      null,
      'online',
      null,
      '建议公园延长开放时间至晚上十点。',
      'not_adopted',
      '公园开放时间属于管理措施，由各公园根据实际情况确定，不在本办法中规定。',
    ],
    ['韩磊', 'online', '第三十六条', '建议提高擅自砍伐树木的罚款标准。', 'adopted', null],
    ['曹雪梅', 'phone', '第十五条', '建议绿化工程竣工后设置不少于两年的养护期。', 'adopted', null],
    [
      '邓志明',
      'online',
      '第二十二条',
      '建议临时占用绿地的审批时限由20个工作日缩短为10个工作日。',
      'partly',
      '审批时限缩短为15个工作日。',
    ],
    [
      '冯晓光',
      'letter',
      '第三十八条',
      '建议对破坏绿化的行为实行按日连续处罚。',
      'not_adopted',
      '按日连续处罚须有法律依据，地方政府规章不能设定。',
    ],
    ['彭丽', 'online', '第十条', '建议在绿地规划中为无障碍设施预留空间。', 'adopted', null],
    [
      '蒋伟',
      'online',
      null,
      '建议取消所有绿地的围栏。',
      'not_adopted',
      '部分绿地围栏用于保护新植苗木和安全防护，不宜一律取消。',
    ],
  ],
};

const OPEN: DemoConsultation = {
  agencyCode: 'JN.JTJ',
  title: '江南市中心城区公共停车收费调整方案（征求意见稿）',
  description:
    '为缓解中心城区停车难问题，合理调节停车需求，市交通运输局会同市发展和改革委员会拟订了中心城区公共停车收费调整方案。本方案属于重大行政决策事项，依照《重大行政决策程序暂行条例》向社会公开征求意见，征求意见期30日以上。\n方案拟将中心城区划分为一类、二类区域，实行差别化收费，并延长夜间免费停放时段。',
  decisionType: 'major_decision',
  openedDaysAgo: 6,
  days: 36,
  email: 'tcsf@jtj.jiangnan.example.gov.cn',
  postalAddress: '江南市交通路20号市交通运输局（邮编 210002）',
  open: true,
  opinions: [
    ['潘建新', 'online', '第三部分', '建议医院周边停车场前30分钟免费，方便就医接送。', 'adopted', null],
    [null, 'online', null, '建议夜间免费时段从晚上八点开始。', 'adopted', null],
    ['袁芳', 'online', '第二部分', '建议一类区域范围不要包括老城区居民区的路内泊位。', 'adopted', null],
  ],
};

async function loadOne(deps: Deps, ctx: CommandContext, today: string, d: DemoConsultation): Promise<number> {
  const a = await findAgencyByCode(deps.db, d.agencyCode);
  if (!a) throw new Error(`demo agency ${d.agencyCode} missing`);
  const opensOn = addDays(today, -d.openedDaysAgo);
  const closesOn = addDays(opensOn, d.days - 1);
  const saved = await saveConsultation(
    deps,
    ctx,
    {
      agencyId: a.id,
      title: d.title,
      description: d.description,
      decisionType: d.decisionType,
      concernsMarket: d.concernsMarket === true,
      opensOn,
      closesOn,
      email: d.email,
      postalAddress: d.postalAddress,
    },
    { synthetic: true },
  );
  let version = (await openConsultation(deps, ctx, { id: saved.id, version: saved.version })).version;
  if (d.open) {
    // Received through the portal today, not yet decided.
    for (const [name, , clause, content] of d.opinions)
      await submitOpinion(
        deps,
        { ...ctx, actor: { system: true, label: '政府门户网站（意见征集）' } },
        {
          consultationId: saved.id,
          name,
          clause,
          content,
        },
      );
    return d.opinions.length;
  }
  let i = 0;
  for (const [name, channel, clause, content, decision, reason] of d.opinions) {
    // Spread over the period, the last ones near its end.
    const receivedOn = addDays(opensOn, Math.min(d.days - 1, 2 + i * 2));
    const o = await enterOpinion(deps, ctx, {
      consultationId: saved.id,
      channel,
      receivedOn,
      name,
      contact: name && i % 3 === 0 ? `1390000${String(1000 + i).slice(-4)}` : null,
      clause,
      content,
    });
    await decideOpinion(deps, ctx, { opinionId: o.id, decision, reason });
    i++;
  }
  version = (await closeConsultation(deps, ctx, { id: saved.id, version })).version;
  await publishFeedback(deps, ctx, { id: saved.id, version, feedbackSummary: d.summary ?? null });
  return d.opinions.length;
}

/** The demo's consultations; returns how many, and how many opinions they hold. */
export async function loadDemoConsultations(
  deps: Deps,
  ctx: CommandContext,
  today: string,
): Promise<{ consultations: number; consultationOpinions: number }> {
  let opinions = 0;
  for (const d of [MARKET, RULE, OPEN]) opinions += await loadOne(deps, ctx, today, d);
  return { consultations: 3, consultationOpinions: opinions };
}
