// An agency's 政府信息公开指南 (条例 第十二条), generated from its record: who it is, what it publishes
// and where, how to apply, its disclosure office's contact details, and where to complain or appeal.
import type { FC } from 'hono/jsx';
import type { AgencyGuide } from '../../queries/agency-guide.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate, SHELL, type Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { H, OnRequestSection, ProactiveSection, RemediesSection } from './guide-sections.js';
import { agencyKindLabel, guideHref } from '../models/portal-labels.js';

export interface PortalGuideView {
  shell: Omit<ShellProps, 'title'>;
  guide: AgencyGuide;
}

const T = {
  guide: { zh: '政府信息公开指南', en: 'Disclosure guide' },
  directory: { zh: '机构目录', en: 'Agencies' },
  intro: {
    zh: '为便于公民、法人和其他组织获取{name}的政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。',
    en: 'This guide is published under article 12 of the Regulations on the Disclosure of Government Information.',
  },
  englishNote: {
    zh: '',
    en: 'Headings are given in English; the text of the guide is in Chinese, the language of the Regulations, which is authoritative.',
  },
  updated: {
    zh: '本指南根据机构登记信息生成，最近更新：',
    en: 'Generated from the agency’s record; last updated ',
  },
  contents: { zh: '本页内容', en: 'Contents' },
  about: { zh: '机关概况', en: 'About the agency' },
  name: { zh: '机关名称', en: 'Name' },
  kind: { zh: '机关类型', en: 'Kind' },
  parent: { zh: '上级机关', en: 'Parent' },
  functions: { zh: '机关职能', en: 'Functions' },
  below: { zh: '下属机构', en: 'Agencies below' },
  officeName: { zh: '工作机构名称', en: 'Office' },
  address: { zh: '办公地址', en: 'Address' },
  postalCode: { zh: '邮政编码', en: 'Postal code' },
  hours: { zh: '办公时间', en: 'Office hours' },
  phone: { zh: '联系电话', en: 'Phone' },
  fax: { zh: '传真号码', en: 'Fax' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  website: { zh: '网站', en: 'Website' },
};

const About: FC<{ lang: Lang; guide: AgencyGuide }> = ({ lang: l, guide: g }) => {
  const parent = g.ancestors[g.ancestors.length - 1];
  return (
    <section aria-labelledby="s0">
      <h2 id="s0">{T.about[l]}</h2>
      <SummaryList
        rows={[
          { key: T.name[l], value: g.agency.name },
          { key: T.kind[l], value: agencyKindLabel(l, g.agency.kind) },
          ...(parent
            ? [{ key: T.parent[l], value: <a href={guideHref(parent.code)}>{parent.name}</a> }]
            : []),
          { key: T.functions[l], value: g.agency.functions },
          ...(g.children.length > 0
            ? [
                {
                  key: T.below[l],
                  value: (
                    <ul class="tree">
                      {g.children.map((c) => (
                        <li>
                          <a href={guideHref(c.code)}>{c.name}</a>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
};

const Office: FC<{ lang: Lang; guide: AgencyGuide }> = ({ lang: l, guide: g }) => {
  const a = g.agency;
  return (
    <section aria-labelledby="s3">
      <h2 id="s3">{H.office[l]}</h2>
      <SummaryList
        rows={[
          { key: T.officeName[l], value: a.officeName },
          { key: T.address[l], value: a.address },
          { key: T.postalCode[l], value: a.postalCode },
          { key: T.hours[l], value: a.officeHours },
          { key: T.phone[l], value: a.phone },
          { key: T.fax[l], value: a.fax },
          { key: T.email[l], value: a.email ? <a href={`mailto:${a.email}`}>{a.email}</a> : null },
          // Linked only when http(s): a value stored before the check (issue 8.7) stays plain text.
          ...(a.website
            ? [
                {
                  key: T.website[l],
                  value: /^https?:\/\//i.test(a.website) ? <a href={a.website}>{a.website}</a> : a.website,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
};

const CONTENTS: { id: string; text: { zh: string; en: string } }[] = [
  { id: 's0', text: T.about },
  { id: 's1', text: H.proactive },
  { id: 's2', text: H.onRequest },
  { id: 's3', text: H.office },
  { id: 's4', text: H.remedies },
];

export const PortalGuidePage: FC<PortalGuideView> = ({ shell, guide: g }) => {
  const l = shell.lang;
  const title = l === 'zh' ? `${g.agency.name}${T.guide.zh}` : `${g.agency.name}: ${T.guide.en}`;
  const crumbs = [
    { label: SHELL.home[l], href: '/' },
    { label: T.directory[l], href: '/agencies' },
    ...g.ancestors.map((a) => ({ label: a.name, href: guideHref(a.code) })),
    { label: `${g.agency.name}${l === 'zh' ? '' : ': '}${T.guide[l]}` },
  ];
  return (
    <PortalLayout {...shell} title={title}>
      <Breadcrumbs lang={l} items={crumbs} />
      <h1>{title}</h1>
      <p class="lead">{T.intro[l].replace('{name}', g.agency.name)}</p>
      {l === 'en' ? <p class="notice">{T.englishNote.en}</p> : null}
      <p class="hint">
        {T.updated[l]}
        {formatDate(l, g.agency.updatedAt)}
      </p>
      <nav aria-labelledby="toc-title">
        <h2 id="toc-title">{T.contents[l]}</h2>
        <ul>
          {CONTENTS.map((c) => (
            <li>
              <a href={`#${c.id}`}>{c.text[l]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <About lang={l} guide={g} />
      <ProactiveSection lang={l} guide={g} />
      <OnRequestSection lang={l} guide={g} />
      <Office lang={l} guide={g} />
      <RemediesSection lang={l} guide={g} />
    </PortalLayout>
  );
};
