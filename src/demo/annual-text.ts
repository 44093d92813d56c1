// The published 2020 annual report of 江南市公安局 (issue 12 item 8): a member of the demo city that
// does not use Gongkai for 2019–2020, so its report is imported from the text it published on its
// website, the way a supervising office receives such reports. Written like a real one — the six
// sections of the 2019 试行 format, the tables as a browser copies them (one cell per line, 「|」
// separators) — with its figures taken from IMPORTED_MEMBER_2020, so the text, the tables and the
// city's 汇总 agree. Synthetic: the bureau, its figures and its work are made up.
import { TABLE3_LINES } from '../domain/reports/table3-schema.js';
import { IMPORTED_MEMBER_2020, type ReportFigures } from './annual-target.js';

export const IMPORTED_REPORT_TITLE = '江南市公安局2020年政府信息公开工作年度报告';
export const IMPORTED_REPORT_FILE = '江南市公安局2020年政府信息公开工作年度报告.txt';

const cells = (values: readonly (number | string)[]) => values.map((v) => `${v} |`);

function table2(t: ReportFigures['table2']): string[] {
  const head = (item: string, cols: string[]) => [
    `第二十条第(${item})项 |`,
    '|||',
    '信息内容 |',
    ...cols.map((c) => `${c} |`),
  ];
  const prev = ['上一年项目数量', '本年增/减'];
  const row = (label: string, values: (number | string)[]) => [`${label} |`, ...cells(values)];
  const r = (key: string) => t[key]!;
  return [
    ...head('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量']),
    ...row('规章', [
      r('regulations').newMade!,
      r('regulations').newPublished!,
      r('regulations').totalPublished!,
    ]),
    ...row('规范性文件', [
      r('normativeDocuments').newMade!,
      r('normativeDocuments').newPublished!,
      r('normativeDocuments').totalPublished!,
    ]),
    ...head('五', [...prev, '处理决定数量']),
    ...row('行政许可', [r('licensing').prevCount!, r('licensing').delta!, r('licensing').decisions!]),
    ...row('其他对外管理服务事项', [
      r('otherServices').prevCount!,
      r('otherServices').delta!,
      r('otherServices').decisions!,
    ]),
    ...head('六', [...prev, '处理决定数量']),
    ...row('行政处罚', [r('penalty').prevCount!, r('penalty').delta!, r('penalty').decisions!]),
    ...row('行政强制', [r('coercion').prevCount!, r('coercion').delta!, r('coercion').decisions!]),
    ...head('八', [...prev, '']),
    ...row('行政事业性收费', [r('fees').prevCount!, r('fees').delta!, '']),
    ...head('九', ['采购项目数量', '采购总金额', '']),
    ...row('政府集中采购', [r('procurement').projects!, r('procurement').amount!]),
  ];
}

function table3(t: ReportFigures['table3']): string[] {
  const out = [
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
    '申请人情况 |',
    '||||||||',
    '自然人 |',
    '法人或其他组织 |',
    '总计 |',
    '|||||||',
    '商业企业 |',
    '科研机构 |',
    '社会公益组织 |',
    '法律服务机构 |',
    '其他 |',
    '|||||',
  ];
  for (const line of TABLE3_LINES['2019']) {
    const label = line.label.replace(/（/g, '(').replace(/）/g, ')');
    if (line.key === null) {
      out.push(`${label} |`);
      continue;
    }
    out.push(`${label} |`, ...cells(t[line.key]!), '||');
  }
  return out;
}

function table4(t: ReportFigures['table4']): string[] {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    '行政复议 |',
    '行政诉讼 |',
    '|||||||||||||',
    ...results.map((r) => `${r} |`),
    '未经复议直接起诉 |',
    '复议后起诉 |',
    '||||||||',
    ...results.map((r) => `${r} |`),
    ...results.map((r) => `${r} |`),
    '|||||',
    ...cells([...t.review, ...t.suitDirect, ...t.suitAfterReview]),
  ];
}

/** The report as published (plain text, as copied from the bureau's web page). */
export function importedReportText(f: ReportFigures = IMPORTED_MEMBER_2020.figures): string {
  const t3 = f.table3;
  const answered = t3.total![6]!;
  const received = t3.newReceived![6]!;
  const appeals = f.table4.review[4]! + f.table4.suitDirect[4]! + f.table4.suitAfterReview[4]!;
  return [
    `根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和上级有关要求,现发布《${IMPORTED_REPORT_TITLE}》。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。`,
    '一、总体情况',
    '2020年,江南市公安局认真贯彻落实《条例》和市委、市政府关于政务公开工作的部署,围绕疫情防控、复工复产和平安江南建设,持续推进警务公开,以公开促规范、以公开优服务。',
    '(一)主动公开。全年通过局门户网站、“江南公安”政务新媒体发布警情通报、便民服务和政策文件等信息2860余条,其中疫情防控期间出入境、户籍和交通管理便民措施112条。及时公开本局制发的规范性文件,对涉及群众切身利益的户籍准入、道路交通管理等政策同步开展解读。',
    `(二)依申请公开。全年新收政府信息公开申请${received}件,办结${answered}件,均在法定期限内答复。申请内容主要集中在交通违法处理、户籍办理和案件办理情况等方面;对申请查询个人户籍、车辆登记等属于行政查询事项的,告知申请人依照相关规定办理。`,
    '(三)政府信息管理。落实公开属性源头认定,对本局制发的公文逐件标注公开属性;开展规范性文件清理,及时公布现行有效的规范性文件目录。',
    '(四)平台建设。优化局门户网站政府信息公开专栏,完善政府信息公开指南和目录;“江南公安”政务新媒体全年发布信息4200余条,回应群众咨询1.3万余次。',
    '(五)监督保障。将政务公开工作纳入局年度绩效考核,组织全局政务公开业务培训2期,邀请市政府办公室业务骨干授课。',
    '二、主动公开政府信息情况',
    ...table2(f.table2),
    '三、收到和处理政府信息公开申请情况',
    ...table3(t3),
    '四、政府信息公开行政复议、行政诉讼情况',
    ...table4(f.table4),
    '五、存在的主要问题及改进情况',
    `2020年,我局政府信息公开工作取得一定成效,但仍存在公开内容的针对性和时效性有待提高、依申请公开答复的说理有待加强等问题。全年发生政府信息公开行政复议、行政诉讼案件${appeals}件,暴露出个别答复告知不够规范的情况。下一步,我局将进一步规范依申请公开办理流程,加强答复文书审核,提升政务新媒体信息发布质量。`,
    '六、其他需要报告的事项',
    '2020年,我局未收取政府信息公开信息处理费。',
  ].join('\n');
}
