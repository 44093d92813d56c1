// 政府公报 on the portal (issue 10 item 4): /gazette lists the issues of a gazette by year and
// searches the documents it published (?q=, words or a 发文字号: the document search restricted to
// what an issue of this gazette printed); /gazette/:year/:number is one issue
// with its documents; …/pdf its PDF. The first gazette (the highest agency that has one) needs no
// parameter; another agency's is chosen with ?agency=CODE.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import {
  gazetteAgencies,
  gazetteIssuesOfDocuments,
  gazettePdf,
  publicGazetteIssue,
  publicGazetteIssues,
} from '../../queries/gazette.js';
import { MAX_SEARCH_PAGE_SIZE, searchDocuments } from '../../queries/search-documents.js';
import {
  GazetteIndexPage,
  GazetteIssuePublicPage,
  type GazetteSearchResult,
} from '../../views/portal/gazette.js';
import { contentDisposition } from '../admin/notices.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';

const NO_SUCH_ISSUE = '没有找到这一期公报。请从公报目录中选择。';
const MAX_QUERY = 100;
/** Searches cost more than pages: a person does not search more than this. */
export const GAZETTE_SEARCH_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

const withoutQuery = (req: FastifyRequest) => !req.url.includes('?');
const queryOf = (req: FastifyRequest) => (req.query ?? {}) as Record<string, unknown>;
const textOf = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, MAX_QUERY) : '');

/** The gazette asked for: ?agency=CODE, or the first; unknown codes are pages that do not exist. */
async function chosenGazette(deps: AppDeps, req: FastifyRequest) {
  const agencies = await gazetteAgencies(deps.db);
  const code = textOf(queryOf(req).agency);
  const agency = code ? agencies.find((a) => a.code === code) : agencies[0];
  if (code && !agency) throw new NotFound('没有找到该机关的政府公报。');
  // Links name the agency only when it is not the first gazette.
  const agencyParam = agency && agency !== agencies[0] ? agency.code : null;
  return { agencies, agency: agency ?? null, agencyParam };
}

function issueParams(req: FastifyRequest): { year: number; number: number } {
  const { year, number } = req.params as { year?: string; number?: string };
  if (!/^\d{4}$/.test(year ?? '') || !/^\d{1,3}$/.test(number ?? '')) throw new NotFound(NO_SUCH_ISSUE);
  return { year: Number(year), number: Number(number) };
}

/** The documents an issue of the agency's gazette printed that match `q`, each with its (first) issue. */
async function searchGazette(deps: AppDeps, agencyId: number, q: string): Promise<GazetteSearchResult> {
  const found = await searchDocuments(deps.db, {
    q,
    gazetteAgencyId: agencyId,
    pageSize: MAX_SEARCH_PAGE_SIZE,
  });
  const issues = await gazetteIssuesOfDocuments(
    deps.db,
    found.hits.map((h) => h.id),
    agencyId,
  );
  return {
    total: found.total,
    totalExact: found.totalExact,
    hits: found.hits.map((h) => ({ ...h, issue: issues.get(h.id) ?? null })),
  };
}

export function registerPortalGazetteRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/gazette',
    {
      // The first gazette's index is the same for everyone (cached: the cache keys pages by path, so
      // a page with a query — a search, another agency's gazette — is never stored).
      config: { pageCache: withoutQuery, rateLimit: GAZETTE_SEARCH_RATE_LIMIT },
    },
    async (req, reply) => {
      const { agencies, agency, agencyParam } = await chosenGazette(deps, req);
      const q = textOf(queryOf(req).q);
      const issues = agency ? await publicGazetteIssues(deps.db, agency.id) : [];
      const search = agency && q ? await searchGazette(deps, agency.id, q) : null;
      return reply.html(
        <GazetteIndexPage
          shell={portalShell(req, deps)}
          agencies={agencies}
          agency={agency}
          agencyParam={agencyParam}
          issues={issues}
          q={q}
          search={search}
        />,
      );
    },
  );

  app.get('/gazette/:year/:number', { config: { pageCache: withoutQuery } }, async (req, reply) => {
    const { year, number } = issueParams(req);
    const { agency, agencyParam } = await chosenGazette(deps, req);
    if (!agency) throw new NotFound(NO_SUCH_ISSUE);
    const issue = await publicGazetteIssue(deps.db, agency.id, year, number);
    if (!issue) throw new NotFound(NO_SUCH_ISSUE);
    const all = await publicGazetteIssues(deps.db, agency.id); // newest first
    const at = all.findIndex((i) => i.id === issue.id);
    return reply.html(
      <GazetteIssuePublicPage
        shell={portalShell(req, deps)}
        issue={issue}
        agencyParam={agencyParam}
        previous={all[at + 1] ?? null}
        next={at > 0 ? all[at - 1]! : null}
      />,
    );
  });

  app.get('/gazette/:year/:number/pdf', async (req, reply) => {
    const { year, number } = issueParams(req);
    const { agency } = await chosenGazette(deps, req);
    const issue = agency ? await publicGazetteIssue(deps.db, agency.id, year, number) : null;
    const file = issue ? await gazettePdf(deps.db, issue.id) : null;
    if (!issue || !file) throw new NotFound(NO_SUCH_ISSUE);
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(file.filename, `gazette-${year}-${number}.pdf`))
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
}
