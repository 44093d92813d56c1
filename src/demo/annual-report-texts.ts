// The texts of the demo city's published 2020 reports (issue 12 item 8): 一's five parts, 五 and 六
// as the city government's office wrote them, with the tables' figures as placeholders (filled in
// from the frozen tables) except the city government's own work, which the 汇总 report states in
// words (本级 179 answers, 15 cases). Synthetic: 江南市 and its work are made up.
import type { ReportTexts } from '../domain/reports/annual/text.js';

const ROLLUP: ReportTexts = {
  overviewProactive:
    '2020年，江南市各级行政机关认真贯彻《中华人民共和国政府信息公开条例》，围绕疫情防控和复工复产，及时发布疫情防控通告、惠企政策和便民服务信息。全市共制发规范性文件{{table2.normativeDocuments.newMade}}件，市政府门户网站开设疫情防控专题，集中发布疫情数据、政策文件和服务指南。',
  overviewApplications:
    '全市各级行政机关全年新收政府信息公开申请{{本年新收申请}}件，上年结转{{上年结转申请}}件，办结{{本年办结申请}}件，其中予以公开{{予以公开}}件、部分公开{{部分公开}}件，结转下年度继续办理{{结转下年度申请}}件。市政府本级办理依申请公开答复179件，政府信息公开行政复议、行政诉讼案件15件。市政府办公室指导各县级市（区）和市级部门规范答复文书，编印依申请公开典型案例。',
  overviewManagement:
    '统一市政府及市级部门主动公开文件的分类体系，开设“修订废止”专栏集中发布规范性文件的修订、废止信息；市司法局公布现行有效的政府规章和规范性文件目录。',
  overviewPlatform:
    '完成全市政府网站集约化平台建设，推进政务新媒体清理整治；全年编发《江南市人民政府公报》12期，公报电子版提供全文检索。',
  overviewSupervision:
    '将政务公开工作纳入市级机关绩效考核，委托第三方机构对全市政府网站和政务新媒体开展常态化监测，举办全市政务公开业务培训。',
  problems:
    '政策解读的针对性有待增强，基层政务公开标准化规范化工作有待深化，个别单位依申请公开答复说理不够充分。下一步，将加强政策解读和答复文书审核，推进基层政务公开标准化规范化，提升政务新媒体运营水平。',
  other: '2020年，全市各级行政机关收取政府信息公开信息处理费{{信息处理费}}元。本报告数据为演示数据（虚构）。',
};

const OWN: ReportTexts = {
  overviewProactive:
    '2020年，江南市人民政府及时公开涉及公众利益调整、需要公众广泛知晓的政府信息，依法做好疫情信息发布，集中发布复工复产惠企政策。',
  overviewApplications:
    '市政府本级全年新收政府信息公开申请{{本年新收申请}}件，上年结转{{上年结转申请}}件，办理答复{{本年办结申请}}件，结转下年度继续办理{{结转下年度申请}}件；发生政府信息公开行政复议、行政诉讼案件{{复议诉讼合计}}件。',
  overviewManagement:
    '加强市政府文件的规范化管理，逐件认定公开属性，集中发布规章和规范性文件的修订、废止信息。',
  overviewPlatform: '优化市政府门户网站政府信息公开专栏，完善政府信息公开指南和目录。',
  overviewSupervision: '市政府办公室定期通报政务公开工作情况，开展业务培训。',
  problems: '答复文书说理有待加强。下一步，将规范依申请公开办理流程，加强答复文书合法性审核。',
  other: '2020年，市政府本级收取政府信息公开信息处理费{{信息处理费}}元。本报告数据为演示数据（虚构）。',
};

export function demoReportTexts(scope: 'own' | 'rollup'): ReportTexts {
  return scope === 'rollup' ? ROLLUP : OWN;
}
