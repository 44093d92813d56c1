// UI strings: Simplified Chinese first, English available (?lang=en sets a cookie).
// Page-specific text lives with its page as { zh, en } pairs; shared shell text lives here.

export type Lang = 'zh' | 'en';
export type Text = { zh: string; en: string };

export const SHELL = {
  siteName: { zh: '政府信息公开', en: 'Government Information Disclosure' },
  backOffice: { zh: '政务公开管理后台', en: 'Disclosure back office' },
  skip: { zh: '跳到主要内容', en: 'Skip to main content' },
  demoBanner: {
    zh: '演示站点：本站所有机构、人员和数据均为虚构的演示数据，并非真实政府信息。',
    en: 'Demo site: every agency, person and figure here is synthetic demo data, not real government information.',
  },
  home: { zh: '首页', en: 'Home' },
  directory: { zh: '机构目录', en: 'Agencies' },
  staffLogin: { zh: '工作人员登录', en: 'Staff login' },
  logout: { zh: '退出登录', en: 'Log out' },
  dashboard: { zh: '工作台', en: 'Dashboard' },
  agencies: { zh: '机构管理', en: 'Agencies' },
  users: { zh: '用户管理', en: 'Users' },
  audit: { zh: '审计日志', en: 'Audit log' },
  account: { zh: '修改密码', en: 'Change password' },
  apiDocs: { zh: '接口文档', en: 'API docs' },
  switchLang: { zh: 'English', en: '中文' },
  errorTitle: { zh: '存在以下问题', en: 'There is a problem' },
  errorPrefix: { zh: '错误：', en: 'Error: ' },
  calendar: { zh: '工作日历', en: 'Working days' },
  deadlines: { zh: '期限计算', en: 'Deadlines' },
  reportCheck: { zh: '年报体检', en: 'Report check' },
  apply: { zh: '依申请公开', en: 'Request information' },
  interaction: { zh: '政民互动', en: 'Public engagement' },
  mainNav: { zh: '主导航', en: 'Main' },
  documents: { zh: '政府文件', en: 'Documents' },
  siteSearch: { zh: '站内搜索', en: 'Site search' },
  searchLabel: { zh: '搜索政府文件', en: 'Search documents (in Chinese)' },
  search: { zh: '搜索', en: 'Search' },
  sponsor: { zh: '主办单位：', en: 'Run by: ' },
  contact: { zh: '联系方式：', en: 'Contact: ' },
  siteIdCode: { zh: '网站标识码：', en: 'Website ID: ' },
  icp: { zh: 'ICP备案号：', en: 'ICP licence: ' },
  siteInfo: { zh: '网站信息', en: 'About this site' },
  footer: {
    zh: '依据《中华人民共和国政府信息公开条例》（国务院令第711号）建设',
    en: 'Built under the Regulations on the Disclosure of Government Information (State Council Decree No. 711)',
  },
} satisfies Record<string, Text>;

/**
 * Pages that are offered in English. English is offered only where the whole page is translated
 * (docs/ARCHITECTURE.md, "Languages"): the back office and the API documentation are Chinese only —
 * their messages, audit data and API descriptions are not translated — so they show no language
 * switch and render in Chinese whatever the cookie says. So are the working-day calendar and the
 * deadline page: their day names, the clock's explanation and its notes are Chinese legal text.
 * Add a path prefix here to withdraw English from a page.
 */
export const CHINESE_ONLY_PREFIXES = [
  '/admin',
  '/api',
  '/calendar',
  '/deadlines',
  '/apply',
  '/gazette',
  '/documents',
  '/search',
  '/consultations',
  '/qa',
  '/interaction',
  '/mailboxes',
  '/letters',
  '/surveys',
  '/interviews',
];

/**
 * Chinese-only pages under a prefix that offers English: an agency's 政府信息公开 platform (its home,
 * 制度, 法定主动公开内容 and 年报 pages list Chinese documents), while its 指南 stays translated.
 */
export const CHINESE_ONLY_PATTERNS = [
  /^\/agencies\/[^/]+(\/(disclosure-rules|disclosure|annual-reports))?\/?$/,
  /^\/agencies\/[^/]+\/annual-reports\/.+$/,
];

export function offersEnglish(path: string): boolean {
  return (
    !CHINESE_ONLY_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`)) &&
    !CHINESE_ONLY_PATTERNS.some((re) => re.test(path))
  );
}

export function t(lang: Lang, text: Text): string {
  return text[lang];
}

// Dates and times for people come from the one formatter (configured zone, Asia/Shanghai by default).
export { formatDate, formatDateTime, formatTime } from '../lib/time.js';
