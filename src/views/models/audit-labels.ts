// Chinese (and English) names of audit actions, subject types and data fields, so that the log
// reads as sentences wherever it is shown (audit viewer, dashboard). People never see an action
// code, an internal id or a field name: an unknown action reads as 「其他操作」 on its subject, a
// field's label depends on the subject it belongs to (a calendar entry's `name` is not an agency's).
import type { Lang, Text } from '../i18n.js';
import {
  AGENCY_FIELD_LABELS,
  CALENDAR_DAY_FIELD_LABELS,
  CALENDAR_DAY_KIND_LABELS,
  USER_FIELD_LABELS,
} from './admin-labels.js';

export const AUDIT_ACTION_LABELS: Record<string, Text> = {
  'auth.login': { zh: '登录', en: 'Login' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed login' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.login_disabled': { zh: '已停用账号尝试登录', en: 'Login to a disabled account' },
  'user.created': { zh: '新增用户', en: 'User created' },
  'user.updated': { zh: '修改用户', en: 'User edited' },
  'user.disabled': { zh: '停用用户', en: 'User disabled' },
  'user.enabled': { zh: '启用用户', en: 'User enabled' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'user.password_changed': { zh: '修改密码', en: 'Password changed' },
  'user.unlocked': { zh: '解锁账号', en: 'Account unlocked' },
  'agency.created': { zh: '新增机构', en: 'Agency created' },
  'agency.updated': { zh: '修改机构', en: 'Agency edited' },
  'agency.deactivated': { zh: '停用机构', en: 'Agency deactivated' },
  'agency.reactivated': { zh: '启用机构', en: 'Agency reactivated' },
  'token.created': { zh: '创建访问令牌', en: 'API token created' },
  'token.revoked': { zh: '撤销访问令牌', en: 'API token revoked' },
  'calendar.day-saved': { zh: '保存工作日历日期', en: 'Calendar day saved' },
  'calendar.day-deleted': { zh: '删除工作日历日期', en: 'Calendar day deleted' },
  'calendar.imported': { zh: '导入工作日历', en: 'Calendar imported' },
  'calendar.official-synced': { zh: '更新国务院放假安排数据', en: 'Official holiday data updated' },
  'calendar.year-marked-official': { zh: '确认年度放假安排', en: 'Year marked official' },
  'demo.loaded': { zh: '载入演示数据', en: 'Demo data loaded' },
  'demo.documents-loaded': { zh: '载入演示文件库', en: 'Demo document library loaded' },
  'demo.letters-loaded': { zh: '载入演示信箱和来信', en: 'Demo mailboxes and letters loaded' },
  'appeal.created': { zh: '登记复议诉讼案件', en: 'Appeal registered' },
  'appeal.updated': { zh: '修改复议诉讼案件', en: 'Appeal updated' },
  'appeal.rule-changed': { zh: '修改复议诉讼跨年统计规则', en: 'Appeal counting rule changed' },
  'report.created': { zh: '新建年度报告', en: 'Annual report created' },
  'report.textsSaved': { zh: '保存年度报告正文', en: 'Annual report texts saved' },
  'report.submitted': { zh: '报送年度报告', en: 'Annual report submitted' },
  'report.returned': { zh: '退回年度报告', en: 'Annual report returned' },
  'report.approved': { zh: '审核通过年度报告', en: 'Annual report approved' },
  'report.published': { zh: '发布年度报告', en: 'Annual report published' },
  'report.correctionStarted': { zh: '更正年度报告（新版本）', en: 'Annual report correction started' },
  'report.deadlineSet': { zh: '设置年度报告报送期限', en: 'Annual report deadline set' },
  'report.deadlineRemoved': { zh: '删除年度报告报送期限', en: 'Annual report deadline removed' },
  'report.figuresSaved': { zh: '填报年度报告表二数据', en: 'Annual report table 2 figures saved' },
  'report.imported': { zh: '导入已发布的年度报告', en: 'Published annual report imported' },
  'rules.updated': { zh: '修改办理规则', en: 'Application rules changed' },
  'consultation.created': { zh: '新建意见征集', en: 'Consultation created' },
  'consultation.updated': { zh: '修改意见征集', en: 'Consultation edited' },
  'consultation.opened': { zh: '开始意见征集', en: 'Consultation opened' },
  'consultation.closed': { zh: '结束意见征集', en: 'Consultation closed' },
  'consultation.opinion-received': { zh: '收到网上意见', en: 'Opinion received online' },
  'consultation.opinion-entered': { zh: '登记收到的意见', en: 'Opinion entered' },
  'consultation.opinion-decided': { zh: '作出意见采纳决定', en: 'Opinion decided' },
  'consultation.feedback-published': { zh: '发布意见采纳情况', en: 'Consultation feedback published' },
  'consultation.periods-updated': { zh: '修改意见征集最短期限', en: 'Consultation minimum periods changed' },
  'application.submitted': { zh: '收到网上申请', en: 'Application submitted online' },
  'application.registered': { zh: '登记申请', en: 'Application registered' },
  'application.assigned': { zh: '分配承办人', en: 'Application assigned' },
  'application.personalDataViewed': { zh: '查看申请人完整身份信息', en: 'Applicant personal data viewed' },
  'application.caseFileExported': { zh: '导出案卷', en: 'Case file exported' },
  'notice.served': { zh: '记录告知书送达', en: 'Notice service recorded' },
  'notice.templateUpdated': { zh: '修改告知书模板', en: 'Notice template changed' },
  'notice.prefixUpdated': { zh: '修改告知书发文字号', en: 'Notice number prefix changed' },
  'gazette.created': { zh: '新增政府公报期次', en: 'Gazette issue created' },
  'gazette.updated': { zh: '修改政府公报期次', en: 'Gazette issue edited' },
  'gazette.deleted': { zh: '删除政府公报期次', en: 'Gazette issue deleted' },
  'gazette.pdf-uploaded': { zh: '上传政府公报 PDF', en: 'Gazette PDF uploaded' },
  'gazette.item-added': { zh: '公报收录文件', en: 'Document added to a gazette issue' },
  'gazette.item-removed': { zh: '公报移除文件', en: 'Document removed from a gazette issue' },
  'gazette.item-moved': { zh: '调整公报文件顺序', en: 'Gazette documents reordered' },
  'document.created': { zh: '新建主动公开文件', en: 'Document created' },
  'document.updated': { zh: '修改文件草稿', en: 'Document draft edited' },
  'document.revised': { zh: '修改已发布文件', en: 'Published document revised' },
  'document.submitted': { zh: '提交文件审核', en: 'Document submitted for review' },
  'document.returned': { zh: '退回文件修改', en: 'Document returned for changes' },
  'document.published': { zh: '发布文件', en: 'Document published' },
  'document.withdrawn': { zh: '撤回文件', en: 'Document withdrawn' },
  'document.draftDeleted': { zh: '删除文件草稿', en: 'Document draft deleted' },
  'document.reopened': { zh: '重新编辑已撤回文件', en: 'Withdrawn document reopened' },
  'document.relation-added': { zh: '记录文件关系', en: 'Document relation recorded' },
  'document.relation-removed': { zh: '删除文件关系', en: 'Document relation removed' },
  'document.file-attached': { zh: '上传文件附件', en: 'Document attachment added' },
  'document.file-removed': { zh: '删除文件附件', en: 'Document attachment removed' },
  'document.template-set': { zh: '修改索引号模板', en: 'Index number template changed' },
  // 政民互动 letters (docs/letters.md)
  'letter.submitted': { zh: '收到网上来信', en: 'Letter received online' },
  'letter.registered': { zh: '登记来信', en: 'Letter registered' },
  'letter.accepted': { zh: '受理来信', en: 'Letter accepted' },
  'letter.declined': { zh: '来信不予受理', en: 'Letter declined' },
  'letter.assigned': { zh: '来信交承办单位', en: 'Letter assigned' },
  'letter.transferred': { zh: '转办来信', en: 'Letter transferred' },
  'letter.escalated': { zh: '来信呈领导批示', en: 'Letter handed up to a leader' },
  'letter.instructed': { zh: '记录领导批示并交办', en: 'Leader instruction recorded' },
  'letter.replyDrafted': { zh: '拟写来信答复', en: 'Reply drafted' },
  'letter.reviewApproved': { zh: '审核通过来信答复', en: 'Reply approved' },
  'letter.reviewReturned': { zh: '退回来信答复', en: 'Reply returned' },
  'letter.replied': { zh: '答复来信', en: 'Letter answered' },
  'letter.extensionRequested': { zh: '申请来信延期', en: 'Extension requested' },
  'letter.extensionApproved': { zh: '批准来信延期', en: 'Extension approved' },
  'letter.extensionRefused': { zh: '不予来信延期', en: 'Extension refused' },
  'letter.supervised': { zh: '督办来信', en: 'Letter supervised' },
  'letter.rated': { zh: '来信人评价答复', en: 'Reply rated by the writer' },
  'letter.published': { zh: '公开来信', en: 'Letter published' },
  'letter.withheld': { zh: '决定来信不公开', en: 'Letter withheld' },
  'letter.archived': { zh: '来信归档', en: 'Letter archived' },
  'letter.personalDataViewed': { zh: '查看来信人联系方式', en: 'Writer contact details viewed' },
  'mailbox.created': { zh: '新增信箱', en: 'Mailbox created' },
  'mailbox.updated': { zh: '修改信箱设置', en: 'Mailbox settings changed' },
  // 网上调查 and 在线访谈 (docs/surveys-interviews.md)
  'survey.created': { zh: '新建网上调查', en: 'Survey created' },
  'survey.updated': { zh: '修改网上调查', en: 'Survey edited' },
  'survey.opened': { zh: '开始网上调查', en: 'Survey opened' },
  'survey.closed': { zh: '结束网上调查', en: 'Survey closed' },
  'survey.results-published': { zh: '公布调查结果', en: 'Survey results published' },
  'survey.demo-loaded': { zh: '载入演示网上调查', en: 'Demo survey loaded' },
  'interview.created': { zh: '新建在线访谈', en: 'Interview created' },
  'interview.updated': { zh: '修改在线访谈', en: 'Interview edited' },
  'interview.announced': { zh: '发布访谈预告', en: 'Interview announced' },
  'interview.question-answered': { zh: '答复访谈提问', en: 'Interview question answered' },
  'interview.question-declined': { zh: '不予答复访谈提问', en: 'Interview question declined' },
  'interview.transcript-recorded': { zh: '录入访谈文字实录', en: 'Interview transcript recorded' },
  'interview.transcript-published': { zh: '公布访谈文字实录', en: 'Interview transcript published' },
  'interview.demo-loaded': { zh: '载入演示在线访谈', en: 'Demo interview loaded' },
  'qa.created': { zh: '新建问答', en: 'Q&A item created' },
  'qa.updated': { zh: '修改问答', en: 'Q&A item edited' },
  'qa.published': { zh: '发布问答', en: 'Q&A item published' },
  'qa.withdrawn': { zh: '撤回问答', en: 'Q&A item withdrawn' },
  'qa.reused': { zh: '答复信件时引用问答', en: 'Q&A item reused in a reply' },
};

/** Groups offered by the action filter (matched as a prefix). */
export const AUDIT_ACTION_GROUPS: Record<string, Text> = {
  'auth.': { zh: '登录与账号安全（全部）', en: 'Logins and security (all)' },
  'user.': { zh: '用户管理（全部）', en: 'Users (all)' },
  'agency.': { zh: '机构管理（全部）', en: 'Agencies (all)' },
  'token.': { zh: '访问令牌（全部）', en: 'API tokens (all)' },
  'calendar.': { zh: '工作日历（全部）', en: 'Working-day calendar (all)' },
  'appeal.': { zh: '复议诉讼（全部）', en: 'Appeals (all)' },
  'report.': { zh: '年度报告（全部）', en: 'Annual reports (all)' },
  'gazette.': { zh: '政府公报（全部）', en: 'Gazette (all)' },
  'document.': { zh: '主动公开文件（全部）', en: 'Document library (all)' },
  'letter.': { zh: '政民互动来信（全部）', en: 'Letters (all)' },
  'mailbox.': { zh: '信箱设置（全部）', en: 'Mailboxes (all)' },
  'survey.': { zh: '网上调查（全部）', en: 'Surveys (all)' },
  'interview.': { zh: '在线访谈（全部）', en: 'Interviews (all)' },
  'consultation.': { zh: '意见征集（全部）', en: 'Consultations (all)' },
  'qa.': { zh: '答问知识库（全部）', en: 'Q&A library (all)' },
};

export const AUDIT_SUBJECT_LABELS: Record<string, Text> = {
  agency: { zh: '机构', en: 'Agency' },
  user: { zh: '用户', en: 'User' },
  api_token: { zh: '访问令牌', en: 'API token' },
  calendar: { zh: '工作日历', en: 'Working-day calendar' },
  calendar_day: { zh: '工作日历日期', en: 'Calendar day' },
  calendar_year: { zh: '年度放假安排', en: 'Holiday arrangement of a year' },
  setting: { zh: '系统设置', en: 'Site setting' },
  appeal: { zh: '复议诉讼案件', en: 'Appeal' },
  annual_report: { zh: '政府信息公开工作年度报告', en: 'Annual report' },
  report_import: { zh: '导入的年度报告', en: 'Imported annual report' },
  application: { zh: '政府信息公开申请', en: 'Disclosure application' },
  notice_template: { zh: '告知书模板', en: 'Notice template' },
  gazette_issue: { zh: '政府公报期次', en: 'Gazette issue' },
  document: { zh: '主动公开文件', en: 'Document' },
  letter: { zh: '政民互动来信', en: 'Letter' },
  mailbox: { zh: '信箱', en: 'Mailbox' },
  survey: { zh: '网上调查', en: 'Survey' },
  interview: { zh: '在线访谈', en: 'Online interview' },
  consultation: { zh: '意见征集', en: 'Consultation' },
  qa_item: { zh: '问答', en: 'Q&A item' },
};

const OTHER_ACTION: Text = { zh: '其他操作', en: 'Other operation' };
const UNKNOWN_FIELD: Text = { zh: '其他信息', en: 'Other detail' };

/** Data fields by subject type, in display order. */
const FIELDS_BY_SUBJECT: Record<string, Record<string, Text>> = {
  letter: {
    trackingNumber: { zh: '信件编号', en: 'Tracking number' },
    mailbox: { zh: '信箱', en: 'Mailbox' },
    kind: { zh: '留言类型', en: 'Kind' },
    channel: { zh: '来信渠道', en: 'Channel' },
    receivedOn: { zh: '收信日期', en: 'Received on' },
    attachments: { zh: '附件数', en: 'Attachments' },
    spam: { zh: '疑似垃圾信息', en: 'Spam signs' },
    triage: { zh: '分拣结果', en: 'Triage' },
    reason: { zh: '理由', en: 'Reason' },
    duplicateOf: { zh: '重复的信件', en: 'Duplicate of' },
    agency: { zh: '承办单位', en: 'Handling unit' },
    from: { zh: '原单位', en: 'From' },
    officer: { zh: '承办人', en: 'Officer' },
    leader: { zh: '呈批领导', en: 'Leader' },
    instruction: { zh: '领导批示', en: 'Instruction' },
    comment: { zh: '意见', en: 'Comment' },
    days: { zh: '延期工作日数', en: 'Working days' },
    dueDate: { zh: '办理期限', en: 'Due date' },
    satisfaction: { zh: '满意度', en: 'Satisfaction' },
    review: { zh: '需审核', en: 'Review needed' },
  },
  mailbox: {
    code: { zh: '信箱代码', en: 'Code' },
    name: { zh: '信箱名称', en: 'Name' },
    changed: { zh: '修改的设置', en: 'Settings changed' },
  },
  agency: AGENCY_FIELD_LABELS,
  user: {
    ...USER_FIELD_LABELS,
    failures: { zh: '连续失败次数', en: 'Failures' },
    client: { zh: '客户端地址', en: 'Client address' },
    paused: { zh: '锁定期间的尝试', en: 'Attempt while paused' },
  },
  api_token: {
    name: { zh: '令牌名称', en: 'Token name' },
    user: { zh: '所属用户', en: 'User' },
  },
  calendar_day: {
    ...CALENDAR_DAY_FIELD_LABELS,
    restoredOfficial: { zh: '恢复为官方数据', en: 'Official data restored' },
  },
  calendar_year: {
    official: { zh: '已有官方放假安排', en: 'Official data' },
    source: { zh: '依据', en: 'Source' },
  },
  calendar: {
    source: { zh: '依据', en: 'Source' },
    count: { zh: '日期数', en: 'Days' },
    replaced: { zh: '替换的日期数', en: 'Days replaced' },
    days: { zh: '日期', en: 'Days' },
    inserted: { zh: '新增日期数', en: 'Days added' },
    updated: { zh: '更新日期数', en: 'Days updated' },
    removed: { zh: '删除日期数', en: 'Days removed' },
    keptByHand: { zh: '保留的人工录入日期数', en: 'Hand-entered days kept' },
    years: { zh: '年度', en: 'Years' },
  },
  setting: {
    agencies: { zh: '机构数', en: 'Agencies' },
    users: { zh: '用户数', en: 'Users' },
    rule: { zh: '跨年案件统计规则', en: 'Counting rule' },
    documents: { zh: '文件数', en: 'Documents' },
    interpretations: { zh: '政策解读数', en: 'Interpretations' },
    relations: { zh: '文件关系数', en: 'Relations' },
    gazetteIssues: { zh: '公报期数', en: 'Gazette issues' },
    gazetteItems: { zh: '公报收录文件数', en: 'Documents in the gazette' },
  },
  application: {
    trackingNumber: { zh: '申请编号', en: 'Tracking number' },
    channel: { zh: '申请渠道', en: 'Channel' },
    receivedOn: { zh: '收到申请日期', en: 'Received on' },
    applicantType: { zh: '申请人类型', en: 'Applicant type' },
    to: { zh: '承办人', en: 'Assigned to' },
    notice: { zh: '告知书', en: 'Notice' },
    method: { zh: '送达方式', en: 'Service method' },
    on: { zh: '送达日期', en: 'Served on' },
    format: { zh: '导出格式', en: 'Format' },
    notices: { zh: '告知书份数', en: 'Notices' },
    attachments: { zh: '附件数', en: 'Attachments' },
    size: { zh: '文件大小（字节）', en: 'Size (bytes)' },
  },
  survey: {
    title: { zh: '标题', en: 'Title' },
    questions: { zh: '题目数', en: 'Questions' },
    opensOn: { zh: '开始日期', en: 'Opens on' },
    closesOn: { zh: '截止日期', en: 'Closes on' },
    republished: { zh: '更新已公布的结果', en: 'Results updated' },
    responses: { zh: '答卷数', en: 'Responses' },
  },
  interview: {
    title: { zh: '主题', en: 'Title' },
    startsAt: { zh: '开始时间', en: 'Starts at' },
    guests: { zh: '嘉宾', en: 'Guests' },
    shortNotice: { zh: '预告不足规定天数', en: 'Short notice' },
    question: { zh: '提问', en: 'Question' },
    answeredBy: { zh: '答复人', en: 'Answered by' },
    lines: { zh: '实录行数', en: 'Transcript lines' },
    published: { zh: '实录已公布', en: 'Transcript published' },
    questions: { zh: '提问数', en: 'Questions' },
  },
  notice_template: {
    template: { zh: '模板', en: 'Template' },
    title: { zh: '标题', en: 'Title' },
    body: { zh: '正文', en: 'Body' },
    noticePrefix: { zh: '发文字号机关代字', en: 'Number prefix' },
  },
  gazette_issue: {
    year: { zh: '年度', en: 'Year' },
    number: { zh: '期号', en: 'Issue number' },
    totalNumber: { zh: '总期号', en: 'Running number' },
    publishedOn: { zh: '出版日期', en: 'Published on' },
    document: { zh: '文件', en: 'Document' },
    position: { zh: '顺序', en: 'Position' },
    from: { zh: '原顺序', en: 'From position' },
    to: { zh: '新顺序', en: 'To position' },
    size: { zh: '文件大小（字节）', en: 'Size (bytes)' },
    sha256: { zh: '文件摘要（SHA-256）', en: 'SHA-256' },
    replaced: { zh: '替换原文件', en: 'Replaced the earlier file' },
  },
  consultation: {
    title: { zh: '标题', en: 'Title' },
    decisionType: { zh: '征集事项类型', en: 'Decision type' },
    concernsMarket: { zh: '涉及市场主体', en: 'Concerns market participants' },
    opensOn: { zh: '开始日期', en: 'Opens on' },
    closesOn: { zh: '截止日期', en: 'Closes on' },
    documentId: { zh: '关联文件', en: 'Linked document' },
    minimum: { zh: '最短期限', en: 'Minimum period' },
    source: { zh: '期限依据', en: 'Source of the period' },
    opinion: { zh: '意见编号', en: 'Opinion' },
    opinions: { zh: '意见数', en: 'Opinions' },
    channel: { zh: '收到方式', en: 'Channel' },
    receivedOn: { zh: '收到日期', en: 'Received on' },
    adoption: { zh: '采纳情况', en: 'Adoption' },
    reason: { zh: '理由', en: 'Reason' },
    adopted: { zh: '采纳数', en: 'Adopted' },
    partly: { zh: '部分采纳数', en: 'Partly adopted' },
    notAdopted: { zh: '不予采纳数', en: 'Not adopted' },
  },
  document: {
    title: { zh: '标题', en: 'Title' },
    kind: { zh: '类别', en: 'Kind' },
    docNumber: { zh: '发文字号', en: 'Document number' },
    indexNumber: { zh: '索引号', en: 'Index number' },
    effectLevel: { zh: '效力级别', en: 'Legal rank' },
    state: { zh: '发布状态', en: 'Status' },
    publishedOn: { zh: '发布日期', en: 'Date published' },
    note: { zh: '说明', en: 'Note' },
    reason: { zh: '撤回理由', en: 'Reason' },
    relation: { zh: '关系', en: 'Relation' },
    target: { zh: '关联文件', en: 'Related document' },
    effectiveOn: { zh: '生效日期', en: 'Effective on' },
    validity: { zh: '有效性', en: 'Validity' },
    validityChanged: { zh: '有效性随之变化的文件', en: 'Documents whose validity changed' },
    file: { zh: '附件', en: 'Attachment' },
    size: { zh: '文件大小（字节）', en: 'Size (bytes)' },
    textLength: { zh: '提取文字数', en: 'Characters extracted' },
    bodyLength: { zh: '正文长度', en: 'Body length' },
    template: { zh: '索引号模板', en: 'Index number template' },
  },
  qa_item: {
    question: { zh: '问题', en: 'Question' },
    altQuestions: { zh: '其他问法', en: 'Other ways of asking' },
    answer: { zh: '答复内容', en: 'Answer' },
    category: { zh: '分类', en: 'Category' },
    agencyId: { zh: '发布机构', en: 'Agency' },
    reviewBy: { zh: '复核日期', en: 'Review by' },
    documentIds: { zh: '关联文件', en: 'Linked documents' },
    reason: { zh: '撤回原因', en: 'Reason' },
    letterId: { zh: '信件', en: 'Letter' },
  },
  appeal: {
    trackingNumber: { zh: '关联申请', en: 'Application' },
    kind: { zh: '案件类型', en: 'Kind' },
    afterReconsideration: { zh: '复议后起诉', en: 'After reconsideration' },
    body: { zh: '复议机关或受理法院', en: 'Body' },
    caseNumber: { zh: '案号', en: 'Case number' },
    filedOn: { zh: '申请（起诉）日期', en: 'Filed on' },
    result: { zh: '审理结果', en: 'Result' },
    decidedOn: { zh: '审结日期', en: 'Decided on' },
    note: { zh: '备注', en: 'Note' },
  },
  annual_report: {
    report: { zh: '报告', en: 'Report' },
    version: { zh: '版本', en: 'Version' },
    state: { zh: '状态', en: 'State' },
    parts: { zh: '修改的部分', en: 'Parts changed' },
    comment: { zh: '审核意见', en: 'Review comment' },
    note: { zh: '更正说明', en: 'Correction note' },
    corrects: { zh: '更正的版本', en: 'Corrects version' },
    warningsAcknowledged: { zh: '已确认的提示', en: 'Warnings acknowledged' },
  },
};

export function actionLabel(lang: Lang, action: string): string {
  return (AUDIT_ACTION_LABELS[action] ?? OTHER_ACTION)[lang];
}

export function subjectLabel(lang: Lang, type: string): string {
  return (AUDIT_SUBJECT_LABELS[type] ?? UNKNOWN_FIELD)[lang];
}

/** Data keys in display order (the database does not keep the order they were written in). */
export function sortDataKeys(subjectType: string, keys: string[]): string[] {
  const order = Object.keys(FIELDS_BY_SUBJECT[subjectType] ?? {});
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The label of a data field of an event about `subjectType`. */
export function dataLabel(lang: Lang, subjectType: string, key: string): string {
  return (FIELDS_BY_SUBJECT[subjectType]?.[key] ?? UNKNOWN_FIELD)[lang];
}

export function calendarDayKindLabel(lang: Lang, kind: string): string | null {
  return (CALENDAR_DAY_KIND_LABELS as Record<string, Text>)[kind]?.[lang] ?? null;
}

/** What an audit event is about, in words: the current name where known, else what its data says. */
export interface AuditSubjectInput {
  subjectType: string;
  subjectId: string | null;
  subjectName?: string | null;
  data?: Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The subject's own name, without the type: 张三（zhangsan）, 江南市财政局, 2026年10月1日 国庆节, 2026年.
 * Null when nothing readable is known (the viewer then shows the type alone, never an id).
 */
export function subjectDetail(lang: Lang, e: AuditSubjectInput, formatDate: (iso: string) => string) {
  if (e.subjectName) return e.subjectName;
  const data = e.data ?? {};
  const after = obj(data.after);
  const before = obj(data.before);
  switch (e.subjectType) {
    case 'user':
      return str(data.login) ?? str(after.login) ?? str(before.login);
    case 'agency':
      return str(after.name) ?? str(before.name);
    case 'api_token':
      return str(data.name);
    case 'calendar_day': {
      const day = Object.keys(after).length ? after : before;
      const date = str(day.date);
      return date ? [formatDate(date), str(day.name)].filter(Boolean).join(' ') : null;
    }
    case 'calendar_year':
      return e.subjectId && /^\d{4}$/.test(e.subjectId)
        ? lang === 'zh'
          ? `${e.subjectId}年`
          : e.subjectId
        : null;
    case 'calendar':
      return e.subjectId === 'national' || !/^\d+$/.test(e.subjectId ?? '')
        ? lang === 'zh'
          ? '全国'
          : 'Nationwide'
        : null;
    case 'gazette_issue': {
      const issue = Object.keys(after).length ? after : before;
      return typeof issue.year === 'number' && typeof issue.number === 'number'
        ? lang === 'zh'
          ? `${issue.year}年第${issue.number}期`
          : `${issue.year} No. ${issue.number}`
        : null;
    }
    case 'document':
      return str(data.title) ?? str(after.title) ?? str(before.title);
    case 'survey':
    case 'interview':
      return str(data.title);
    case 'qa_item':
      return str(data.question) ?? str(after.question) ?? str(before.question);
    case 'setting':
      return e.subjectId === 'demo' ? (lang === 'zh' ? '演示数据' : 'Demo data') : null;
    default:
      return null;
  }
}
