import type { FC } from 'hono/jsx';
import type { Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';

export interface PortalHomeView {
  shell: Omit<ShellProps, 'title'>;
  government: { code: string; name: string } | null;
  groups: { title: string; agencies: { code: string; name: string }[] }[];
  agencyCount: number;
}

const TEXT = {
  title: { zh: '政府信息公开', en: 'Government information disclosure' },
  intro: {
    zh: '依据《中华人民共和国政府信息公开条例》，各级行政机关主动公开政府信息，并依申请向公民、法人和其他组织提供政府信息。请在下方选择机构，查看其政府信息公开指南。',
    en: 'Under the Regulations on the Disclosure of Government Information, every agency publishes information proactively and answers disclosure applications. Choose an agency below to read its disclosure guide.',
  },
  guide: { zh: '政府信息公开指南', en: 'Disclosure guide' },
  all: { zh: '查看全部机构', en: 'All agencies' },
  count: { zh: '家机构', en: ' agencies' },
};

function tx(lang: Lang, k: keyof typeof TEXT) {
  return TEXT[k][lang];
}

export const PortalHomePage: FC<PortalHomeView> = ({ shell, government, groups, agencyCount }) => (
  <PortalLayout {...shell} title={tx(shell.lang, 'title')} siteName={government ? `${government.name} 政府信息公开` : undefined}>
    <h1>{government ? `${government.name}政府信息公开` : tx(shell.lang, 'title')}</h1>
    <p class="lead">{tx(shell.lang, 'intro')}</p>
    {government ? (
      <p>
        <a href={`/agencies/${encodeURIComponent(government.code)}/guide`}>
          {government.name}
          {tx(shell.lang, 'guide')}
        </a>
      </p>
    ) : null}
    {groups.map((g) => (
      <section aria-labelledby={`g-${g.title}`}>
        <h2 id={`g-${g.title}`}>{g.title}</h2>
        <ul class="cards">
          {g.agencies.map((a) => (
            <li class="card">
              <a href={`/agencies/${encodeURIComponent(a.code)}/guide`}>{a.name}</a>
            </li>
          ))}
        </ul>
      </section>
    ))}
    <p>
      <a href="/agencies">
        {tx(shell.lang, 'all')}（{agencyCount}
        {tx(shell.lang, 'count')}）
      </a>
    </p>
  </PortalLayout>
);
