// The statutory parts of a 政府信息公开指南 (条例 第十二条) that follow from the law and the agency's
// data: 主动公开 (第十九—二十六条), 依申请公开 (第二十七—三十三条, 第四十二—四十三条) and
// 监督和救济 (第四十七条, 第五十一条). Headings are bilingual; the legal text stays in Chinese.
import type { Child, FC } from 'hono/jsx';
import { ARTICLE_20_ITEMS, placeOf } from '../../domain/agencies/disclosure-guide.js';
import { REMEDY_TEXT } from '../../domain/calendar/other-deadlines.js';
import type { AgencyGuide } from '../../queries/agency-guide.js';
import type { Lang, Text } from '../i18n.js';

export const H = {
  proactive: { zh: '一、主动公开', en: '1. Proactive disclosure' },
  scope: { zh: '（一）公开范围', en: '(1) What is published' },
  channels: { zh: '（二）公开方式', en: '(2) Where it is published' },
  timing: { zh: '（三）公开时限', en: '(3) Publication deadline' },
  catalogue: { zh: '（四）目录编排', en: '(4) How the catalogue is arranged' },
  onRequest: { zh: '二、依申请公开', en: '2. Disclosure on application' },
  who: { zh: '（一）申请人', en: '(1) Who may apply' },
  how: { zh: '（二）申请方式', en: '(2) How to apply' },
  contents: { zh: '（三）申请内容', en: '(3) What an application must contain' },
  receipt: { zh: '（四）收到申请的日期', en: '(4) When an application counts as received' },
  correction: { zh: '（五）补正', en: '(5) Requests to clarify' },
  deadline: { zh: '（六）答复期限', en: '(6) Reply deadline' },
  fees: { zh: '（七）收费', en: '(7) Fees' },
  office: { zh: '三、政府信息公开工作机构', en: '3. The disclosure office' },
  remedies: { zh: '四、监督和救济', en: '4. Complaints and appeals' },
} satisfies Record<string, Text>;

type SectionProps = { lang: Lang; guide: AgencyGuide };

/** Chinese legal text on an English page is marked as such for screen readers. */
const Zh: FC<{ lang: Lang; children?: Child }> = ({ lang, children }) => (
  <div lang={lang === 'en' ? 'zh-CN' : undefined}>{children}</div>
);

function article21Sentence(g: AgencyGuide): string | null {
  const extra = g.article21;
  if (!extra) return null;
  // 街道办事处 and 派出机构 are not named in 第二十一条; they follow the clause of the level they serve.
  const follows = g.agency.kind === 'street' || g.agency.kind === 'dispatched' ? '参照' : '作为';
  return `依照《条例》第二十一条，本机关${follows}${extra.addressee}，还根据本地方的具体情况，主动公开涉及${extra.items.join('、')}等方面的政府信息。`;
}

export const ProactiveSection: FC<SectionProps> = ({ lang, guide: g }) => {
  const extra = article21Sentence(g);
  return (
    <section aria-labelledby="s1">
      <h2 id="s1">{H.proactive[lang]}</h2>
      <h3>{H.scope[lang]}</h3>
      <Zh lang={lang}>
        <p>
          本机关对涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，依照《条例》第十九条、第二十条主动公开下列政府信息：
        </p>
        <ol>
          {ARTICLE_20_ITEMS.map((item, i) => (
            <li>
              {item}
              {i === ARTICLE_20_ITEMS.length - 1 ? '。' : '；'}
            </li>
          ))}
        </ol>
        {extra ? <p>{extra}</p> : null}
      </Zh>
      <h3>{H.channels[lang]}</h3>
      <Zh lang={lang}>
        <ul>
          <li>
            本机关主动公开的政府信息，通过{placeOf(g.rootName)}
            政府信息公开平台（本网站）集中发布，平台提供信息检索、查阅、下载功能（第二十三条、第二十四条）。
          </li>
          <li>
            规章和规范性文件在《{g.rootName}
            公报》刊登；重要政府信息还通过新闻发布会以及报刊、广播、电视等途径公开（第二十三条）。
          </li>
          {g.readingPlaces.length > 0 ? (
            <li>
              {g.readingPlaces.join('、')}
              设有政府信息查阅场所；本机关及时向国家档案馆、公共图书馆提供主动公开的政府信息（第二十五条）。
            </li>
          ) : null}
        </ul>
      </Zh>
      <h3>{H.timing[lang]}</h3>
      <Zh lang={lang}>
        <p>
          属于主动公开范围的政府信息，本机关<strong>自该政府信息形成或者变更之日起 20 个工作日内</strong>
          予以公开；法律、法规对政府信息公开的期限另有规定的，从其规定（第二十六条）。
        </p>
      </Zh>
      <h3>{H.catalogue[lang]}</h3>
      <Zh lang={lang}>
        <p>
          本机关的政府信息公开目录按上述类别编排，每条政府信息列明索引号、信息名称、内容概述和生成日期（第十二条）。
        </p>
      </Zh>
    </section>
  );
};

function channels(g: AgencyGuide): string[] {
  const a = g.agency;
  const out: string[] = [];
  if (a.address) out.push(`当面提交：${a.address}${a.officeHours ? `，${a.officeHours}` : ''}。`);
  if (a.address)
    out.push(
      `邮寄：${a.address}${a.postalCode ? `，邮政编码 ${a.postalCode}` : ''}${a.officeName ? `，收件人 ${a.officeName}` : ''}；请在信封上注明“政府信息公开申请”。`,
    );
  if (a.fax) out.push(`传真：${a.fax}。`);
  if (a.email) out.push(`电子邮件：${a.email}。`);
  return out;
}

const RECEIPT: [string, string][] = [
  ['当面提交', '申请人提交之日'],
  ['以需要签收的邮寄方式（如挂号信、特快专递）提交', '本机关签收之日'],
  ['以平常信函等无需签收的邮寄方式提交', '政府信息公开工作机构于收到申请的当日与申请人确认，确认之日'],
  ['通过互联网渠道或者政府信息公开工作机构的传真提交', '双方确认之日'],
];

export const OnRequestSection: FC<SectionProps> = ({ lang, guide: g }) => (
  <section aria-labelledby="s2">
    <h2 id="s2">{H.onRequest[lang]}</h2>
    <p>
      <a class="button button-primary" href={`/apply?agency=${encodeURIComponent(g.agency.code)}`}>
        {lang === 'zh' ? '向本机关申请' : 'Apply to this agency (form in Chinese)'}
      </a>
    </p>
    <h3>{H.who[lang]}</h3>
    <Zh lang={lang}>
      <p>
        除本机关主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取相关政府信息（第二十七条）。
      </p>
    </Zh>
    <h3>{H.how[lang]}</h3>
    <Zh lang={lang}>
      <p>
        申请人向本机关的政府信息公开工作机构提出申请，采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由政府信息公开工作机构代为填写政府信息公开申请（第二十九条）。对有阅读困难或者视听障碍的申请人，本机关提供必要的帮助（第四十三条）。
      </p>
      <ul>
        {channels(g).map((c) => (
          <li>{c}</li>
        ))}
      </ul>
    </Zh>
    <h3>{H.contents[lang]}</h3>
    <Zh lang={lang}>
      <p>政府信息公开申请应当包括下列内容（第二十九条第二款）：</p>
      <ol>
        <li>申请人的姓名或者名称、身份证明、联系方式；</li>
        <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
        <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
      </ol>
    </Zh>
    <h3>{H.receipt[lang]}</h3>
    <Zh lang={lang}>
      <div class="table-wrap">
        <table>
          <caption>收到申请之日（第三十一条）</caption>
          <thead>
            <tr>
              <th scope="col">提交方式</th>
              <th scope="col">收到申请之日</th>
            </tr>
          </thead>
          <tbody>
            {RECEIPT.map(([how, when]) => (
              <tr>
                <th scope="row">{how}</th>
                <td>{when}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Zh>
    <h3>{H.correction[lang]}</h3>
    <Zh lang={lang}>
      <p>
        申请内容不明确的，本机关给予指导和释明，并自收到申请之日起 7
        个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自本机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请（第三十条）。
      </p>
    </Zh>
    <h3>{H.deadline[lang]}</h3>
    <Zh lang={lang}>
      <p>
        本机关收到政府信息公开申请，能够当场答复的，当场予以答复；不能当场答复的，
        <strong>自收到申请之日起 20 个工作日内</strong>
        予以答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，
        <strong>延长的期限最长不超过 20 个工作日</strong>
        （第三十三条）。本机关征求第三方和其他机关意见所需时间，不计算在上述期限内（第三十三条第三款）。
      </p>
    </Zh>
    <h3>{H.fees[lang]}</h3>
    <Zh lang={lang}>
      <p>
        本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，本机关可以依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（第四十二条）。
      </p>
    </Zh>
  </section>
);

/** 「（江南市人民政府办公室）」 after the generic term, when the agency data names it. */
const named = (name: string | null) => (name ? `（${name}）` : '');

export const RemediesSection: FC<SectionProps> = ({ lang, guide: g }) => {
  const o = g.oversight;
  return (
    <section aria-labelledby="s4">
      <h2 id="s4">{H.remedies[lang]}</h2>
      <Zh lang={lang}>
        <p>
          公民、法人或者其他组织认为本机关未按照要求主动公开政府信息或者对政府信息公开申请不依法答复处理的，可以向政府信息公开工作主管部门
          {named(o.competentOffice)}提出；主管部门查证属实的，予以督促整改或者通报批评（第四十七条）。
        </p>
        <p>
          认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关{named(o.upperAgency)}
          或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（第五十一条）：
        </p>
        {/* The same sentences as /deadlines and the clock's remediesFor (docs/calendar.md §5). */}
        <ul>
          <li>{REMEDY_TEXT.reconsiderationFirst}</li>
          <li>{REMEDY_TEXT.choice}</li>
          <li>
            {REMEDY_TEXT.reconsideration}
            {o.reviewBody ? `复议机关一般为${o.reviewBody}。` : ''}
          </li>
          <li>{REMEDY_TEXT.lawsuitDirect}</li>
          <li>{REMEDY_TEXT.lawsuitAfter}</li>
        </ul>
      </Zh>
    </section>
  );
};
