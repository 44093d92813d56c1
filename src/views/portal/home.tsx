// The city's 政府信息公开 home: what the 指南 and 目录 are (条例 第十二条), how to apply (第二十七—
// 三十三条, 第四十二条), and every agency, grouped as city portals list them.
import type { FC } from 'hono/jsx';
import type { AgencyDirectory } from '../../queries/agency-directory.js';
import { SHELL, type Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { GROUP_TITLES, guideHref } from '../models/portal-labels.js';

export interface PortalHomeView {
  shell: Omit<ShellProps, 'title'>;
  directory: AgencyDirectory;
}

const T = {
  title: { zh: '政府信息公开', en: 'Government information disclosure' },
  intro: {
    zh: '依据《中华人民共和国政府信息公开条例》（以下简称《条例》），行政机关坚持“以公开为常态、不公开为例外”，主动公开政府信息，并依申请向公民、法人和其他组织提供政府信息。',
    en: 'Under the Regulations on the Disclosure of Government Information, agencies publish information proactively, “disclosure as the rule, non-disclosure as the exception”, and provide information on application.',
  },
  guideTitle: { zh: '政府信息公开指南', en: 'Disclosure guides' },
  guideText: {
    zh: '政府信息公开指南说明一个机关主动公开的信息类别、获取政府信息的方式和程序，以及其政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和电子邮箱（《条例》第十二条）。每个机关都有自己的指南。',
    en: 'A disclosure guide states which categories of information an agency publishes, how to obtain information, and the name, address, hours, phone, fax and e-mail of its disclosure office (article 12). Every agency has its own guide.',
  },
  guideOf: { zh: '政府信息公开指南', en: ': disclosure guide' },
  guideOthers: {
    zh: '各部门、各县级市（区）及镇（街道）的指南，请在下方或机构目录中选择机构查看。',
    en: 'For the guides of departments, districts, towns and streets, choose an agency below or in the directory.',
  },
  catalogueTitle: { zh: '政府信息公开目录', en: 'Disclosure catalogue' },
  catalogueText: {
    zh: '政府信息公开目录是机关主动公开的政府信息的索引，逐条列明信息的索引号、名称、内容概述和生成日期（《条例》第十二条）。目录按机关编排，每个机关的信息再按《条例》第二十条、第二十一条规定的类别分类；各机关适用的信息类别，见其指南中的“主动公开”部分。',
    en: 'The catalogue indexes the information an agency publishes: for each item its index number, title, summary and date (article 12). It is arranged by agency, then by the categories of articles 20 and 21; the categories each agency uses are listed in the “proactive disclosure” part of its guide.',
  },
  byAgency: { zh: '按机关查看：机构目录', en: 'Browse by agency: the directory' },
  applyTitle: { zh: '依申请公开', en: 'Applying for information' },
  apply: {
    zh: [
      '除主动公开的政府信息外，公民、法人或者其他组织可以向地方各级人民政府、对外以自己名义履行行政管理职能的县级以上人民政府部门申请获取政府信息（《条例》第二十七条），申请时无须说明用途。',
      '申请应当向掌握该信息的机关的政府信息公开工作机构提出，采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由工作机构代为填写申请（第二十九条）。',
      '能够当场答复的，当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日（第三十三条）。',
      '依申请提供政府信息，不收取费用；申请的数量、频次明显超过合理范围的，行政机关可以收取信息处理费（第四十二条）。',
    ],
    en: [
      'Besides what is published proactively, any citizen, legal person or other organisation may apply to a local government or a government department for information (article 27), without stating a purpose.',
      'Apply to the disclosure office of the agency that holds the information, in writing (letters and electronic data included); if writing is genuinely difficult, orally, and the office fills in the form (article 29).',
      'The agency answers on the spot when it can, otherwise within 20 working days of receipt; with the consent of the head of the disclosure office and notice to the applicant it may extend this by at most 20 working days (article 33).',
      'Information is provided free of charge; a processing fee may be charged only when the number or frequency of applications clearly exceeds a reasonable range (article 42).',
    ],
  },
  applyWhere: {
    zh: '各机关受理申请的地址、电话、传真和电子邮箱，见该机关的政府信息公开指南。',
    en: 'Each agency’s address, phone, fax and e-mail for applications are in its disclosure guide.',
  },
  applyOnline: { zh: '在线申请', en: 'Apply online (form in Chinese)' },
  applyLookup: { zh: '查询申请办理进度', en: 'Look up an application (in Chinese)' },
  checkTitle: { zh: '年报体检', en: 'Annual report check' },
  checkText: {
    zh: '各级行政机关每年公布政府信息公开工作年度报告（《条例》第四十九条、第五十条）。粘贴或上传任意一份已发布的年度报告，即可重建其中的统计表格，核对各项数字之间的勾稽关系，并查看每个有问题单元格的中文说明。',
    en: 'Agencies publish an annual disclosure report every year (articles 49 and 50). Paste or upload any published report to rebuild its tables, check that the figures add up, and see every wrong cell explained.',
  },
  checkLink: { zh: '进行年报体检', en: 'Check a report' },
  directoryTitle: { zh: '机构目录', en: 'Agencies' },
  all: { zh: '查看全部机构', en: 'All agencies' },
  count: { zh: '家机构', en: ' agencies' },
  empty: { zh: '尚未登记任何机构。', en: 'No agencies have been registered yet.' },
};

const Directory: FC<{ lang: Lang; directory: AgencyDirectory }> = ({ lang, directory }) => (
  <>
    {directory.groups.map((g) => (
      <section aria-labelledby={`g-${g.key}`}>
        <h3 id={`g-${g.key}`}>{GROUP_TITLES[g.key][lang]}</h3>
        <ul class="cards">
          {g.agencies.map((a) => (
            <li class="card">
              <a href={guideHref(a.code)}>{a.name}</a>
            </li>
          ))}
        </ul>
      </section>
    ))}
    <p>
      <a href="/agencies">
        {T.all[lang]}（{directory.total}
        {T.count[lang]}）
      </a>
    </p>
  </>
);

export const PortalHomePage: FC<PortalHomeView> = ({ shell, directory }) => {
  const l = shell.lang;
  const gov = directory.root;
  return (
    <PortalLayout {...shell} title={SHELL.home[l]} siteName={gov ? `${gov.name} ${T.title[l]}` : undefined}>
      <h1>{gov ? `${gov.name}${l === 'zh' ? '' : ' — '}${T.title[l]}` : T.title[l]}</h1>
      <p class="lead">{T.intro[l]}</p>

      <section aria-labelledby="s-guide">
        <h2 id="s-guide">{T.guideTitle[l]}</h2>
        <p>{T.guideText[l]}</p>
        {gov ? (
          <p>
            <a href={guideHref(gov.code)}>
              {gov.name}
              {T.guideOf[l]}
            </a>
          </p>
        ) : null}
        <p>{T.guideOthers[l]}</p>
      </section>

      <section aria-labelledby="s-catalogue">
        <h2 id="s-catalogue">{T.catalogueTitle[l]}</h2>
        <p>{T.catalogueText[l]}</p>
        <p>
          <a href="/agencies">{T.byAgency[l]}</a>
        </p>
      </section>

      <section aria-labelledby="s-apply">
        <h2 id="s-apply">{T.applyTitle[l]}</h2>
        {T.apply[l].map((p) => (
          <p>{p}</p>
        ))}
        <p>{T.applyWhere[l]}</p>
        <p>
          <a href="/apply">{T.applyOnline[l]}</a>
        </p>
        <p>
          <a href="/apply/lookup">{T.applyLookup[l]}</a>
        </p>
      </section>

      <section aria-labelledby="s-check">
        <h2 id="s-check">{T.checkTitle[l]}</h2>
        <p>{T.checkText[l]}</p>
        <p>
          <a href="/report-check">{T.checkLink[l]}</a>
        </p>
      </section>

      <section aria-labelledby="s-directory">
        <h2 id="s-directory">{T.directoryTitle[l]}</h2>
        {gov ? <Directory lang={l} directory={directory} /> : <p>{T.empty[l]}</p>}
      </section>
    </PortalLayout>
  );
};
