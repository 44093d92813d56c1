// The demo 答问知识库: some forty questions residents of the (fictional) 江南市 ask most — 户籍, 社保,
// 医保, 公积金, 不动产登记, 入学, 企业开办, 政府信息公开申请 … — answered by the agency in charge,
// loaded through the ordinary commands (save, publish, withdraw, feedback). Each item may name words
// of the demo document library: the newest document in force matching them becomes its 依据. All text
// is synthetic: rules, fees and time limits are plausible, not the law of any real city.
import type { CommandContext, Deps } from '../commands/context.js';
import { recordQaFeedback } from '../commands/qa/feedback.js';
import { publishQaItem, withdrawQaItem } from '../commands/qa/publication.js';
import { saveQaItem } from '../commands/qa/save.js';
import { findAgencyByCode } from '../queries/agencies.js';
import { searchDocuments } from '../queries/search-documents.js';
import { addDays } from '../domain/calendar/iso-date.js';

export interface DemoQa {
  agencyCode: string;
  category: string;
  question: string;
  alt?: string[];
  answer: string;
  /** Words of the library's documents this answer rests on (the newest document in force matching). */
  basis?: string;
  /** draft / withdrawn for a few; published otherwise. */
  state?: 'draft' | 'withdrawn';
  /** 复核日期 in days from today (negative: overdue, flagged in the back office). */
  reviewIn?: number;
  /** Votes: [有用, 没用]. */
  votes?: [number, number];
}

const P = (...paragraphs: string[]) => paragraphs.join('\n\n');

export const DEMO_QA: DemoQa[] = [
  // 户籍办理 (市公安局)
  {
    agencyCode: 'JN.GAJ',
    category: '户籍办理',
    question: '新生儿怎么办理出生登记（落户）？',
    alt: ['孩子出生后怎么上户口', '新生儿落户需要什么材料', '宝宝报户口去哪里办'],
    answer: P(
      '新生儿出生后，由父母一方或其他监护人持《出生医学证明》、父母双方居民身份证、居民户口簿和结婚证，到父亲或母亲户口所在地派出所户籍窗口申报出生登记。',
      '在本市出生的新生儿，也可以通过「江南公安」政务服务平台「出生一件事」网上申报，审核通过后邮寄户口簿，不用到现场。',
      '出生登记原则上在出生后一个月内办理；超过一个月的，仍可办理，需补充说明情况。',
    ),
    basis: '户籍管理',
    votes: [46, 3],
  },
  {
    agencyCode: 'JN.GAJ',
    category: '户籍办理',
    question: '外地人在江南市买房后可以把户口迁进来吗？',
    alt: ['购房落户的条件', '买房能不能落户江南'],
    answer: P(
      '在本市城区购买成套商品住房并取得不动产权证书、实际居住的，本人及共同居住的配偶、未成年子女可以申请将户口迁入该住房地址。',
      '申请时提交居民身份证、居民户口簿、不动产权证书；迁入后由派出所开具准予迁入证明，实行「跨省通办」的，不需要回原籍开具迁移证。',
    ),
    basis: '户籍管理',
    reviewIn: -20,
    votes: [21, 6],
  },
  {
    agencyCode: 'JN.GAJ',
    category: '户籍办理',
    question: '身份证丢了怎么补办？可以在外地补办吗？',
    alt: ['居民身份证遗失补领', '异地补办身份证'],
    answer: P(
      '居民身份证丢失的，本人持户口簿（或由派出所核实身份）到任一公安机关户籍窗口申请补领，现场采集照片和指纹，缴纳工本费 20 元。',
      '全国已实行居民身份证异地受理，不在户籍地的，可以在居住地的派出所或出入境服务大厅申请，一般 15 个工作日内制作完成，可选择邮寄。',
      '办理期间需要乘车、住宿的，可以申请临时居民身份证。',
    ),
    votes: [33, 2],
  },
  {
    agencyCode: 'JN.GAJ',
    category: '户籍办理',
    question: '居住证怎么办理？需要住多久？',
    alt: ['外地人办居住证的条件', '居住证办理材料'],
    answer: P(
      '离开常住户口所在地，在本市居住半年以上，且有合法稳定就业、合法稳定住所或连续就读条件之一的，可以申领居住证。',
      '持居民身份证、住所证明（房屋租赁合同或房产证明）、就业或就读证明，到居住地派出所或社区警务室申请，15 日内发证。居住证每年签注一次。',
    ),
    basis: '居住证',
    votes: [18, 4],
  },
  // 社会保障 (市人力资源和社会保障局)
  {
    agencyCode: 'JN.RSJ',
    category: '社会保障',
    question: '灵活就业人员怎样参加职工养老保险？',
    alt: ['个体户自己交社保', '没有单位怎么交养老保险'],
    answer: P(
      '在本市从事个体经营或灵活就业、年满 16 周岁未达法定退休年龄的人员，可以以灵活就业人员身份参加企业职工基本养老保险。',
      '通过江苏政务服务网或社保经办窗口办理参保登记，缴费基数在上年度全省全口径城镇单位就业人员平均工资的 60%—300% 之间自选，缴费比例 20%。',
    ),
    basis: '社会保险',
    votes: [27, 5],
  },
  {
    agencyCode: 'JN.RSJ',
    category: '社会保障',
    question: '换工作到外地，养老保险关系怎么转移？',
    alt: ['社保转移接续怎么办', '跨省转移养老保险'],
    answer: P(
      '跨省流动就业的，由新参保地社保经办机构受理转移申请：在新单位参保后，本人或新单位通过国家社会保险公共服务平台、掌上 12333 或新参保地窗口提出申请即可，不需要回原参保地。',
      '转移时个人账户储存额全部转移，统筹基金按缴费基数的 12% 转移，缴费年限累计计算。',
    ),
    votes: [15, 1],
  },
  {
    agencyCode: 'JN.RSJ',
    category: '社会保障',
    question: '退休手续怎么办？需要提前多久申请？',
    alt: ['办理退休需要什么材料', '养老金什么时候开始领'],
    answer: P(
      '参保人员达到法定退休年龄前 3 个月，可以由单位或本人（灵活就业人员）向社保经办机构申请办理基本养老保险待遇领取手续。',
      '需要居民身份证、社保卡和本人档案（由档案保管机构审核出生日期、参加工作时间），审核通过后次月起按月发放养老金。',
    ),
    reviewIn: -45,
    votes: [12, 7],
  },
  {
    agencyCode: 'JN.RSJ',
    category: '就业创业',
    question: '失业了怎么申领失业保险金？',
    alt: ['失业金领取条件', '被辞退后领失业金'],
    answer: P(
      '非因本人意愿中断就业、失业前单位和本人已缴纳失业保险费满一年、已办理失业登记并有求职要求的，可以申领失业保险金。',
      '通过江苏智慧人社 App 或社保窗口申请，不需要单位证明；审核通过后按月发放，领取期限根据累计缴费时间确定，最长 24 个月。',
    ),
    votes: [22, 3],
  },
  {
    agencyCode: 'JN.RSJ',
    category: '就业创业',
    question: '大学生毕业后自主创业有什么补贴？',
    alt: ['创业补贴申请条件', '高校毕业生创业扶持政策'],
    answer: P(
      '毕业 5 年内的高校毕业生在本市首次创办小微企业或从事个体经营、正常经营 6 个月以上的，可以申请一次性创业补贴 5000 元。',
      '自主创业还可以申请最高 30 万元的创业担保贷款并享受财政贴息。申请通过人社部门网上经办系统提交，经营场所在哪个区就向哪个区人社局申请。',
    ),
    basis: '就业创业',
    votes: [9, 2],
  },
  {
    agencyCode: 'JN.RSJ',
    category: '就业创业',
    question: '单位拖欠工资应该去哪里投诉？',
    alt: ['欠薪投诉渠道', '工资被拖欠怎么办'],
    answer: P(
      '劳动者被拖欠工资的，可以向用人单位所在地的劳动保障监察机构投诉，也可以拨打 12345 或通过全国根治欠薪线索反映平台反映。',
      '投诉时提供本人身份证明、劳动合同或工资条、考勤记录等能证明劳动关系和欠薪事实的材料。对事实清楚的，劳动保障监察机构一般在受理后 60 个工作日内处理完毕。',
    ),
    votes: [31, 4],
  },
  // 医疗保障 (市医疗保障局)
  {
    agencyCode: 'JN.YBJ',
    category: '医疗保障',
    question: '到外地看病怎么办理异地就医备案？',
    alt: ['异地就医直接结算', '医保异地备案怎么办'],
    answer: P(
      '参保人员跨省或市外就医的，可以通过国家医保服务平台 App、微信小程序或医保经办窗口办理异地就医备案，备案后在就医地联网定点医疗机构直接结算。',
      '异地长期居住、常驻工作的，备案一次长期有效；临时外出就医的，备案有效期一般为 6 个月。未备案先就医的，出院前补办备案也可以结算。',
    ),
    basis: '医疗保险',
    votes: [40, 5],
  },
  {
    agencyCode: 'JN.YBJ',
    category: '医疗保障',
    question: '城乡居民医保每年什么时候缴费？怎么交？',
    alt: ['居民医保缴费时间', '孩子医保在哪里交'],
    answer: P(
      '城乡居民基本医疗保险按年度缴费，集中缴费期一般为每年 9 月至 12 月，缴纳次年的保费。',
      '可以通过江苏税务 App、微信、支付宝「城乡居民医保缴费」或银行柜台缴费；新生儿出生后 3 个月内参保缴费的，从出生之日起享受待遇。',
    ),
    basis: '城乡居民医疗保险',
    votes: [25, 2],
  },
  {
    agencyCode: 'JN.YBJ',
    category: '医疗保障',
    question: '门诊慢特病怎么申请认定？',
    alt: ['慢性病医保报销', '特殊病种门诊申请'],
    answer: P(
      '患有高血压、糖尿病、恶性肿瘤等门诊慢特病的参保人员，可以在本市定点医疗机构提出认定申请，由医生根据病历和检查结果填写认定表。',
      '认定通过后，在选定的定点医疗机构门诊治疗相关疾病的费用按规定比例报销，不设起付线的病种直接按比例支付。',
    ),
    state: 'draft',
  },
  // 住房公积金 (市住房公积金管理中心)
  {
    agencyCode: 'JN.GJJ',
    category: '住房公积金',
    question: '租房可以提取住房公积金吗？',
    alt: ['无房职工租房提取公积金', '公积金交房租', '租房提取公积金需要什么材料'],
    answer: P(
      '缴存职工及配偶在本市无自有住房且租赁住房的，可以申请提取住房公积金支付房租，每年提取一次。',
      '租住公共租赁住房的，按实际房租提取；租住商品住房的，每月提取额度不超过本市规定的租房提取限额（单身职工 1500 元、已婚家庭 2500 元）。',
      '通过公积金 App、网上服务大厅或窗口申请，无需提供租赁合同（由系统核查本市无房），一般 3 个工作日内到账。',
    ),
    basis: '住房公积金提取',
    reviewIn: 180,
    votes: [58, 9],
  },
  {
    agencyCode: 'JN.GJJ',
    category: '住房公积金',
    question: '买房后怎样提取住房公积金？',
    alt: ['购房提取公积金的条件', '首付能用公积金吗'],
    answer: P(
      '职工在本市或户籍所在地购买自住住房的，本人及配偶可以在取得购房合同（或不动产权证）之日起 2 年内申请提取，提取总额不超过实际购房款。',
      '办理时提供购房合同、购房发票或不动产权证；已办理公积金贷款的，改为按月或按年提取偿还贷款本息。',
    ),
    basis: '住房公积金提取',
    votes: [37, 3],
  },
  {
    agencyCode: 'JN.GJJ',
    category: '住房公积金',
    question: '住房公积金贷款最多能贷多少？',
    alt: ['公积金贷款额度怎么算', '公积金贷款上限'],
    answer: P(
      '本市住房公积金个人住房贷款最高额度为：单方缴存 60 万元，双方缴存 100 万元；购买首套绿色建筑或装配式住房的，额度上浮 10%。',
      '具体可贷额度还与缴存余额、还款能力和房价有关，按「缴存余额倍数」「月还款额不超过月收入 50%」「首付比例」三者计算的较低值确定。',
    ),
    basis: '住房公积金贷款',
    votes: [29, 11],
  },
  {
    agencyCode: 'JN.GJJ',
    category: '住房公积金',
    question: '离职后住房公积金可以取出来吗？',
    alt: ['辞职了公积金怎么办', '离开江南市公积金提取'],
    answer: P(
      '与单位终止劳动关系、未重新就业满半年的，可以申请提取本人住房公积金账户余额并销户；户口迁出本市或出境定居的，也可以提取。',
      '重新就业的，新单位在本市的，账户由新单位继续缴存；到外地就业的，可以办理异地转移接续，不建议提取后重新开户。',
    ),
    votes: [24, 5],
  },
  {
    agencyCode: 'JN.GJJ',
    category: '住房公积金',
    question: '灵活就业人员可以缴存住房公积金吗？',
    alt: ['个体户交公积金', '自由职业者缴存公积金'],
    answer: P(
      '在本市就业的个体工商户、自由职业者等灵活就业人员，年满 16 周岁不满 60 周岁的，可以自愿缴存住房公积金，月缴存额 200 元至 3000 元自选。',
      '连续缴存满 6 个月的，可以与职工一样申请住房公积金贷款和提取。',
    ),
    basis: '灵活就业人员缴存',
    votes: [8, 1],
  },
  // 不动产登记 (市自然资源和规划局)
  {
    agencyCode: 'JN.ZGJ',
    category: '不动产登记',
    question: '二手房过户需要哪些材料？多久能拿到证？',
    alt: ['二手房买卖转移登记', '存量房过户流程'],
    answer: P(
      '买卖双方持身份证明、不动产权证书、存量房买卖合同（网签）和完税凭证，到不动产登记中心「一窗受理」窗口申请转移登记；有抵押的，需先办理抵押注销或同时办理转移抵押。',
      '登记、交易、缴税一窗办理，资料齐全的当场受理，一般 1 个工作日内可以领取电子证照，纸质证书可以选择邮寄。',
    ),
    basis: '不动产登记',
    votes: [35, 4],
  },
  {
    agencyCode: 'JN.ZGJ',
    category: '不动产登记',
    question: '房产证丢了怎么补办？',
    alt: ['不动产权证书遗失补发', '补办房产证要登报吗'],
    answer: P(
      '不动产权证书遗失的，权利人持身份证明到不动产登记中心申请补发，填写遗失声明，由登记机构在门户网站公告 15 个工作日，公告期满无异议的补发新证书。',
      '不需要再到报纸上刊登遗失声明。',
    ),
    votes: [14, 2],
  },
  {
    agencyCode: 'JN.ZGJ',
    category: '不动产登记',
    question: '新房交付后多久能办理不动产权证？',
    alt: ['新房办证时间', '开发商迟迟不办房产证'],
    answer: P(
      '商品房交付使用后，开发企业应当在合同约定的期限内（一般为交付后 90 日内）为购房人申请办理首次登记和转移登记所需的材料；本市推行「交房即交证」，多数新建项目在交付现场即可领证。',
      '开发企业超过约定期限未办理的，可以向市住房和城乡建设局或所在区不动产登记机构反映，也可以依合同追究违约责任。',
    ),
    basis: '不动产登记',
    reviewIn: -5,
    votes: [19, 8],
  },
  // 教育入学 (市教育局)
  {
    agencyCode: 'JN.JYJ',
    category: '教育入学',
    question: '小学一年级怎么报名？学区怎么确定？',
    alt: ['小学入学报名时间', '孩子上小学按什么划片', '学区房怎么看'],
    answer: P(
      '义务教育学校实行免试就近入学。各区教育局每年 5 月公布学校施教区范围，按适龄儿童的户籍和实际居住地（房产）确定就读学校。',
      '报名一般在每年 6 月通过「江南市义务教育招生平台」网上进行，需要户口簿、房产证明（或居住证、租赁合同）和儿童出生证明，不需要到学校现场排队。',
    ),
    basis: '义务教育 招生',
    votes: [52, 6],
  },
  {
    agencyCode: 'JN.JYJ',
    category: '教育入学',
    question: '随迁子女在江南市上学需要什么条件？',
    alt: ['外地户口孩子上学', '进城务工人员子女入学', '没有本地户口怎么读小学'],
    answer: P(
      '父母一方持有本市有效居住证，并在本市连续缴纳社会保险满一年（或有合法稳定住所）的随迁子女，可以申请在居住地接受义务教育。',
      '在招生平台选择「随迁子女」类别报名，提交居住证、社保缴纳证明和住所证明；教育部门按积分或条件统筹安排学位，保障符合条件的都能入学。',
    ),
    basis: '义务教育 招生',
    votes: [30, 9],
  },
  {
    agencyCode: 'JN.JYJ',
    category: '教育入学',
    question: '转学需要办理什么手续？',
    alt: ['中小学转学流程', '孩子转学怎么办'],
    answer: P(
      '义务教育阶段学生因户籍迁移、家庭搬迁等原因需要转学的，由家长向拟转入学校提出申请，转入学校同意后通过全国中小学生学籍信息管理系统发起转学申请，转出学校和双方教育部门审核。',
      '转学一般在学期开始前或学期结束后办理，学期中途原则上不办理（特殊情况除外）。',
    ),
    votes: [11, 2],
  },
  {
    agencyCode: 'JN.JYJ',
    category: '教育入学',
    question: '幼儿园入园报名有什么要求？',
    alt: ['公办幼儿园怎么报名', '小班入园年龄'],
    answer: P(
      '幼儿园小班招收当年 8 月 31 日前满 3 周岁的幼儿。公办幼儿园按施教区招生，每年 5 月公布招生简章，6 月网上报名。',
      '普惠性民办幼儿园的收费执行政府指导价，家长可以在市教育局网站查询名单。',
    ),
    state: 'withdrawn',
  },
  // 企业开办 (市政务服务管理办公室、市场监督管理局)
  {
    agencyCode: 'JN.ZWB',
    category: '企业开办',
    question: '开办一家公司需要多长时间？在哪里办？',
    alt: ['注册公司流程', '企业开办一网通办', '办营业执照要多久'],
    answer: P(
      '本市企业开办实行「一网通办」：通过「江南市企业开办全链通平台」一次填报，即可同时办理营业执照、公章刻制、发票申领、社保和公积金登记、银行预约开户。',
      '材料齐全的，全流程 1 个工作日内办结，营业执照和印章可以免费邮寄到家；也可以到市民中心企业开办专区现场办理。',
    ),
    basis: '一网通办',
    votes: [28, 3],
  },
  {
    agencyCode: 'JN.SCJGJ',
    category: '企业开办',
    question: '个体工商户营业执照怎么办理？',
    alt: ['办个体户执照', '摆摊需要营业执照吗'],
    answer: P(
      '申请个体工商户登记的，经营者持身份证和经营场所证明，通过江苏政务服务网或市场监管窗口申请，一般当场或 1 个工作日内发照，不收费。',
      '从事依法不需要取得许可的便民劳务活动和零星小额交易的，可以不办理营业执照。',
    ),
    votes: [16, 2],
  },
  {
    agencyCode: 'JN.SCJGJ',
    category: '企业开办',
    question: '公司注销有简易程序吗？',
    alt: ['简易注销条件', '公司不经营了怎么注销'],
    answer: P(
      '未开业或无债权债务的企业，可以申请简易注销：通过国家企业信用信息公示系统公告 20 日，公告期满无异议的，向登记机关申请注销登记，一般 1 个工作日内办结。',
      '有未结清的税款、社保费或处于被调查状态的，不适用简易注销，应当按普通程序清算后注销。',
    ),
    reviewIn: 60,
    votes: [7, 1],
  },
  // 住房保障 (市住房和城乡建设局)
  {
    agencyCode: 'JN.ZJJ',
    category: '住房保障',
    question: '公共租赁住房怎么申请？',
    alt: ['公租房申请条件', '低收入家庭住房保障'],
    answer: P(
      '本市城区户籍的中低收入住房困难家庭，以及在本市稳定就业的新就业无房职工、外来务工人员，可以申请公共租赁住房。',
      '向户籍（或工作）所在街道提交申请，经街道、区住房保障部门审核并公示后轮候配租；也可以选择领取租赁补贴。',
    ),
    basis: '住房保障',
    votes: [20, 7],
  },
  {
    agencyCode: 'JN.ZJJ',
    category: '住房保障',
    question: '老旧小区加装电梯有补贴吗？',
    alt: ['既有住宅加装电梯', '加装电梯怎么申请'],
    answer: P(
      '本市对既有多层住宅加装电梯给予财政补贴，每台补贴 20 万元。加装电梯需经本单元房屋专有部分面积占比三分之二以上且人数占比三分之二以上的业主同意。',
      '由业主代表向所在街道提出申请，街道协调设计、规划公示和施工许可；加装电梯可以提取住房公积金。',
    ),
    votes: [23, 10],
  },
  // 交通出行 (市交通运输局)
  {
    agencyCode: 'JN.JTJ',
    category: '交通出行',
    question: '想建议增开公交线路，应该向哪里提？',
    alt: ['公交线路调整建议', '小区附近没有公交车'],
    answer: P(
      '对公交线路、站点和班次的意见和建议，可以通过市长信箱、12345 热线或市交通运输局部门信箱提出，请写明起讫地点、出行时段和需求人数。',
      '交通运输部门每年汇总群众需求，结合客流调查和道路条件制定线网优化方案，调整前在门户网站公开征求意见。',
    ),
    votes: [13, 3],
  },
  {
    agencyCode: 'JN.JTJ',
    category: '交通出行',
    question: '老年人乘坐公交车可以免费吗？',
    alt: ['老年卡办理', '敬老卡乘车优惠'],
    answer: P(
      '年满 70 周岁的老年人凭敬老卡免费乘坐本市城市公交；65 至 69 周岁的老年人凭敬老卡享受五折优惠。',
      '敬老卡可以在社区服务中心或「江南公交」App 申请办理，外地户籍常住老年人凭居住证同样可以办理。',
    ),
    votes: [17, 1],
  },
  // 生态环境 (市生态环境局)
  {
    agencyCode: 'JN.STHJJ',
    category: '生态环境',
    question: '夜间施工噪声扰民怎么投诉？',
    alt: ['工地晚上施工太吵', '噪声污染投诉'],
    answer: P(
      '建筑施工单位在夜间（22 时至次日 6 时）进行产生环境噪声的施工作业，除抢修、抢险或因生产工艺要求并取得证明的外，属于违法行为。',
      '可以拨打 12345 热线或 12369 环保举报热线投诉，说明工地位置和时间；城管和生态环境部门接到投诉后到现场核查并依法处理。',
    ),
    basis: '噪声',
    votes: [26, 6],
  },
  {
    agencyCode: 'JN.STHJJ',
    category: '生态环境',
    question: '发现企业偷排污水应该怎么举报？',
    alt: ['环境污染举报', '河道有人排污'],
    answer: P(
      '可以通过 12369 环保举报热线、「全国环保举报」微信公众号或市生态环境局部门信箱举报，尽量提供地点、时间和照片。',
      '举报经查实的，按本市生态环境违法行为有奖举报办法给予奖励；举报人信息依法保密。',
    ),
    votes: [15, 2],
  },
  // 政府信息公开申请 (市人民政府办公室)
  {
    agencyCode: 'JN',
    category: '政府信息公开申请',
    question: '怎样申请政府信息公开？',
    alt: ['依申请公开怎么提交', '想要一份政府文件怎么申请'],
    answer: P(
      '公民、法人或者其他组织可以向制作或保存该政府信息的行政机关申请获取政府信息。申请可以通过本网站「依申请公开」栏目在线提交，也可以通过信函或到政府信息公开工作机构当面提交。',
      '申请时写明申请人姓名（名称）、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式。',
      '主动公开的政府信息，可以直接在本网站「政府文件」中检索，不需要申请。',
    ),
    basis: '政府信息公开',
    votes: [19, 1],
  },
  {
    agencyCode: 'JN',
    category: '政府信息公开申请',
    question: '申请政府信息公开多久能答复？',
    alt: ['依申请公开答复期限', '信息公开申请答复时间'],
    answer: P(
      '行政机关收到申请，能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日。',
      '需要征求第三方或其他机关意见的，所需时间不计算在上述期限内。在线提交的，可以凭查询码在「依申请公开」栏目查看办理进度。',
    ),
    basis: '政府信息公开',
    votes: [14, 2],
  },
  {
    agencyCode: 'JN',
    category: '政府信息公开申请',
    question: '申请政府信息公开要收费吗？',
    alt: ['信息公开处理费'],
    answer: P(
      '行政机关依申请提供政府信息，不收取费用。但是申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以按照国家规定的标准收取信息处理费。',
    ),
    basis: '政府信息公开',
    votes: [9, 0],
  },
  // 民政 (市民政局)
  {
    agencyCode: 'JN.MZJ',
    category: '其他',
    question: '结婚登记可以在外地办吗？',
    alt: ['婚姻登记跨省通办', '异地领结婚证'],
    answer: P(
      '本市已实行婚姻登记「跨省通办」：一方在本市有户籍或持有本市居住证的，双方可以在本市任一婚姻登记机关办理结婚登记。',
      '双方持本人户口簿、身份证和近期半身免冠合影照片，通过「江苏婚姻登记预约」小程序预约后到现场办理。',
    ),
    votes: [22, 2],
  },
  {
    agencyCode: 'JN.MZJ',
    category: '社会保障',
    question: '家里老人可以申请居家养老服务补贴吗？',
    alt: ['高龄老人补贴', '居家养老上门服务'],
    answer: P(
      '本市户籍 80 周岁以上的老年人每月享受高龄津贴；低保、低收入家庭中失能、半失能老年人，可以申请政府购买的居家养老上门服务。',
      '向户籍所在社区（村）提出申请，经街道审核、区民政局核定后，由服务机构按月上门提供助餐、助洁、助浴等服务。',
    ),
    basis: '养老服务',
    votes: [12, 3],
  },
  {
    agencyCode: 'JN.CGJ',
    category: '其他',
    question: '小区门口路灯坏了找谁修？',
    alt: ['路灯不亮报修', '道路照明故障'],
    answer: P(
      '城市道路上的路灯由市城市管理局照明管理处负责维护，可以拨打 12345 热线报修，说明路名和灯杆编号，一般 24 小时内修复。',
      '小区内部的路灯属于小区公共设施，由物业服务企业负责维修；没有物业的老旧小区，可以向所在社区反映。',
    ),
    votes: [10, 1],
  },
  {
    agencyCode: 'JN.CGJ',
    category: '其他',
    question: '占道经营、店外堆物应该向哪里反映？',
    alt: ['店铺占道经营投诉', '人行道被占用'],
    answer: P(
      '沿街店铺超出门窗外墙经营、堆放物品，或流动摊贩占用人行道经营的，由城市管理综合行政执法部门依法处理。',
      '可以拨打 12345 热线或通过市长信箱反映，写明具体地点和时间段；执法部门核实后责令改正，拒不改正的依法处罚。',
    ),
    votes: [11, 2],
  },
];

export interface DemoQaLoaded {
  qaItems: number;
}

/** The newest published document in force matching the words, or null. */
async function basisOf(deps: Deps, words: string): Promise<number | null> {
  const r = await searchDocuments(deps.db, {
    q: words,
    validity: 'effective',
    kind: 'document',
    pageSize: 1,
  });
  return r.hits[0]?.id ?? null;
}

/** Saves, publishes (or withdraws) and votes on every demo item, through the commands. */
export async function loadDemoQa(deps: Deps, ctx: CommandContext, today: string): Promise<DemoQaLoaded> {
  const agencies = new Map<string, number>();
  let count = 0;
  for (const q of DEMO_QA) {
    let agencyId = agencies.get(q.agencyCode);
    if (agencyId === undefined) {
      const a = await findAgencyByCode(deps.db, q.agencyCode);
      if (!a) continue;
      agencyId = a.id;
      agencies.set(q.agencyCode, agencyId);
    }
    const basis = q.basis ? await basisOf(deps, q.basis) : null;
    const saved = await saveQaItem(
      deps,
      ctx,
      {
        agencyId: String(agencyId),
        question: q.question,
        altQuestions: (q.alt ?? []).join('\n'),
        answer: q.answer,
        category: q.category,
        reviewBy: addDays(today, q.reviewIn ?? 365),
        documents: basis === null ? '' : String(basis),
      },
      { synthetic: true },
    );
    count++;
    if (q.state === 'draft') continue;
    const version = await publishQaItem(deps, ctx, { id: saved.id, version: saved.version });
    if (q.state === 'withdrawn') {
      await withdrawQaItem(deps, ctx, { id: saved.id, version, reason: '招生政策调整，待更新后重新发布' });
      continue;
    }
    // Half the votes of the list: enough to show the counts, quick to load.
    const [yes, no] = (q.votes ?? [0, 0]).map((n) => Math.ceil(n / 2)) as [number, number];
    for (let i = 0; i < yes; i++) await recordQaFeedback(deps, { qaId: saved.id, helpful: true });
    for (let i = 0; i < no; i++)
      await recordQaFeedback(deps, {
        qaId: saved.id,
        helpful: false,
        comment: i === 0 ? '希望写明办理地点和咨询电话。' : undefined,
      });
  }
  return { qaItems: count };
}
