// The public agency directory and each agency's 政府信息公开指南 (条例 第十二条).
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import { agencyDirectory } from '../../queries/agency-directory.js';
import { loadAgencyGuide } from '../../queries/agency-guide.js';
import { PortalAgenciesPage } from '../../views/portal/agencies.js';
import { PortalGuidePage } from '../../views/portal/guide.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';

/** Unknown and inactive agencies answer alike: a public page never says which agencies were withdrawn. */
const NO_SUCH_AGENCY = '没有找到该机构。请从机构目录中选择要查看的机构。';
const MAX_QUERY = 50;

function filterText(query: unknown): string {
  const q = (query as { q?: unknown } | undefined)?.q;
  return typeof q === 'string' ? q.trim().slice(0, MAX_QUERY) : '';
}

export function registerPortalAgencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The directory without a search is one page for everyone (cached); a search is not stored.
  app.get(
    '/agencies',
    { config: { pageCache: (req) => filterText(req.query) === '' } },
    async (req, reply) => {
      const q = filterText(req.query);
      const directory = await agencyDirectory(deps.db, q);
      return reply.html(<PortalAgenciesPage shell={portalShell(req, deps)} directory={directory} q={q} />);
    },
  );

  // /agencies/:code is the agency's 政府信息公开 platform: src/http/portal/documents.tsx.

  app.get<{ Params: { code: string } }>(
    '/agencies/:code/guide',
    { config: { pageCache: true } },
    async (req, reply) => {
      const guide = await loadAgencyGuide(deps.db, req.params.code);
      if (!guide) throw new NotFound(NO_SUCH_AGENCY);
      return reply.html(<PortalGuidePage shell={portalShell(req, deps)} guide={guide} />);
    },
  );
}
