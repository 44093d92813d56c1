// 审计日志: the read-only log viewer and, for who holds 'audit.verify', the hash-chain check.
// There is deliberately no route that edits or deletes an event.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listAuditEvents, type AuditFilter } from '../../queries/audit-log.js';
import { verifyAuditLog } from '../../queries/verify-audit.js';
import { parseHead } from '../../domain/audit/head.js';
import { startOfLocalDay } from '../../lib/time.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import { AuditLogPage, type AuditFilterValues, type AuditLogView } from '../../views/admin/audit.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf } from './helpers.js';

const EMPTY: AuditFilterValues = { action: '', subjectType: '', actor: '', from: '', to: '' };

/** A calendar day in the people's time zone, as the instant it starts; null when not a real date. */
function cstDayStart(iso: string, plusDays = 0): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const utc = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(utc.getTime()) || utc.toISOString().slice(0, 10) !== iso) return null;
  return startOfLocalDay(iso, plusDays);
}

/** Reads the filter form; unknown values are dropped, bad dates are reported. */
export function parseAuditQuery(q: Record<string, unknown>) {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
  const values: AuditFilterValues = {
    action: /^[a-z_.]{1,60}$/.test(s('action')) ? s('action') : '',
    subjectType: /^[a-z_]{1,40}$/.test(s('subjectType')) ? s('subjectType') : '',
    actor: s('actor').slice(0, 100),
    from: s('from'),
    to: s('to'),
  };
  const errors: Record<string, string> = {};
  const from = values.from ? cstDayStart(values.from) : undefined;
  const to = values.to ? cstDayStart(values.to, 1) : undefined;
  if (from === null) errors.from = '开始日期格式应为 年-月-日，例如 2026-01-31';
  if (to === null) errors.to = '结束日期格式应为 年-月-日，例如 2026-12-31';
  if (from && to && from >= to) errors.to = '结束日期不能早于开始日期';
  const page = /^\d{1,6}$/.test(s('page')) ? Number(s('page')) : 1;
  const filter: AuditFilter = {
    action: values.action || undefined,
    subjectType: values.subjectType || undefined,
    actor: values.actor || undefined,
    from: from ?? undefined,
    to: errors.to ? undefined : (to ?? undefined),
    page,
  };
  return { values, filter, errors: Object.keys(errors).length ? errors : undefined };
}

async function render(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  query: Record<string, unknown>,
  verification?: AuditLogView['verification'],
  verifyForm?: { errors: Record<string, string>; head: string },
) {
  const actor = actorOf(req);
  authorizeAction(actor, 'audit.view');
  const { values, filter, errors } = parseAuditQuery(query);
  const result = await listAuditEvents(deps.db, scopePath(actor), filter);
  const allErrors = { ...errors, ...verifyForm?.errors };
  return reply.html(
    <AuditLogPage
      shell={adminShell(req, reply, deps)}
      result={result}
      filter={values}
      errors={Object.keys(allErrors).length ? allErrors : undefined}
      canVerify={can(actor, 'audit.verify')}
      verification={verification}
      headValue={verifyForm?.head}
    />,
    verifyForm ? 422 : undefined,
  );
}

export function registerAdminAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/audit', { preHandler: requireStaff }, async (req, reply) =>
    render(deps, req, reply, req.query as Record<string, unknown>),
  );

  // A POST (not a link) because it reads the whole log: crawlers and prefetchers must not trigger it.
  app.post(
    '/admin/audit/verify',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'audit.verify', '您没有校验审计日志的权限');
      // Against the head the office kept elsewhere (pasted), else the one recorded beside the
      // database: only a head recorded outside the table reveals the newest events deleted.
      const body = (req.body ?? {}) as Record<string, unknown>;
      const pasted = typeof body.head === 'string' ? body.head.trim().slice(0, 400) : '';
      const text = pasted || deps.recordedAuditHead?.() || '';
      const head = text ? parseHead(text) : null;
      if (pasted && !head) {
        return render(deps, req, reply, { ...EMPTY }, undefined, {
          errors: { head: '这不是签名链头。请粘贴完整的一行，格式为 gongkai-audit-head:v1:序号:哈希:签名' },
          head: pasted,
        });
      }
      const r = await verifyAuditLog(deps.db, deps.auditSecret, head ?? undefined);
      return render(
        deps,
        req,
        reply,
        { ...EMPTY },
        {
          checked: r.checked,
          problems: r.problems,
          against: head ? { seq: head.seq, source: pasted ? 'pasted' : 'recorded' } : undefined,
        },
      );
    },
  );
}
