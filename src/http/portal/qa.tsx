// 政策问答 on the portal: the list by category with the search box (/qa), one answer (/qa/:id), and
// 「这条答复对您有帮助吗？」 (POST /qa/:id/feedback: CSRF-checked, rate-limited per address; Post/
// Redirect/Get to the answer with the thanks). Drafts and withdrawn items answer like ids that never
// existed.
import type { FastifyInstance } from 'fastify';
import { recordQaFeedback } from '../../commands/qa/feedback.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { loadPublicQaItem, QA_PAGE_SIZE, searchQa } from '../../queries/qa-search.js';
import { PortalQaListPage } from '../../views/portal/qa.js';
import { PortalQaItemPage } from '../../views/portal/qa-item.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';

const NO_SUCH_ITEM = '没有找到该问答。请从政策问答列表或搜索中查找。';

export const QA_RATE_LIMITS = {
  /** List and search pages: searches cost more than pages. */
  list: { max: 60, timeWindow: '1 minute' },
  item: { max: 120, timeWindow: '1 minute' },
  /** Votes: generous for a person, a wall for a script inflating the counts. */
  feedback: { max: 10, timeWindow: '1 minute' },
} as const;

function idOf(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new NotFound(NO_SUCH_ITEM);
  return Number(raw);
}

export function registerPortalQaRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/qa', { config: { rateLimit: QA_RATE_LIMITS.list } }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const category = typeof query.category === 'string' ? query.category.trim().slice(0, 20) : '';
    const rawPage = typeof query.page === 'string' && /^\d{1,4}$/.test(query.page) ? Number(query.page) : 1;
    const view = { shell: portalShell(req, deps), q, category };
    try {
      const result = await searchQa(deps.db, {
        q,
        category: category || null,
        page: Math.max(1, rawPage),
        pageSize: QA_PAGE_SIZE,
      });
      const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
      if (result.total > 0 && rawPage > pages)
        throw new InvalidInput({ page: `页码应为 1 至 ${pages} 之间的整数` });
      return reply.html(<PortalQaListPage {...view} result={result} />);
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      const result = await searchQa(deps.db, { q, category: category || null, page: 1 });
      const problem = Object.values(e.fieldErrors)[0] ?? e.message;
      return reply.html(<PortalQaListPage {...view} result={result} problem={problem} />, 422);
    }
  });

  app.get<{ Params: { id: string } }>(
    '/qa/:id',
    { config: { rateLimit: QA_RATE_LIMITS.item } },
    async (req, reply) => {
      const item = await loadPublicQaItem(deps.db, idOf(req.params.id));
      if (!item) throw new NotFound(NO_SUCH_ITEM);
      const thanks = (req.query as { thanks?: string }).thanks;
      return reply.html(
        <PortalQaItemPage
          shell={portalShell(req, deps)}
          item={item}
          csrf={reply.generateCsrf()}
          thanked={thanks === 'yes' || thanks === 'no' ? thanks : undefined}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/qa/:id/feedback',
    { preHandler: app.csrfProtection, config: { rateLimit: QA_RATE_LIMITS.feedback } },
    async (req, reply) => {
      const id = idOf(req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const helpful = body.helpful === 'yes' ? 'yes' : body.helpful === 'no' ? 'no' : null;
      const comment = typeof body.comment === 'string' ? body.comment : '';
      try {
        if (!helpful) throw new InvalidInput({ helpful: '请选择「有用」或「没用」' });
        await recordQaFeedback(deps, { qaId: id, helpful, comment });
        return reply.redirect(`/qa/${id}?thanks=${helpful}#feedback`, 303);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        const item = await loadPublicQaItem(deps.db, id);
        if (!item) throw new NotFound(NO_SUCH_ITEM);
        return reply.html(
          <PortalQaItemPage
            shell={portalShell(req, deps)}
            item={item}
            csrf={reply.generateCsrf()}
            errors={e.fieldErrors}
            comment={comment}
          />,
          422,
        );
      }
    },
  );
}
