// The audit log as a feed: integrations mirror it by polling with after = the last seq they hold.
import { authorizeAction, scopePath } from '../../policies/policy.js';
import { auditFeed } from '../../queries/audit-feed.js';
import { defineOperation } from './operation.js';
import { nextCursor, presentAuditEvent } from './presenters.js';
import { AuditEventPage, AuditQuery } from './schemas.js';

export const auditOperations = [
  defineOperation({
    method: 'GET',
    path: '/api/v1/audit-events',
    operationId: 'listAuditEvents',
    tag: '审计日志',
    summary: { zh: '读取审计日志', en: 'Read the audit log' },
    description: {
      zh: '按序号升序返回序号大于 after 的审计事件，供外部系统镜像日志。需要“查看审计日志”权限；系统管理员可见全部事件，其他用户只见记录在其机构范围内的事件。每个事件带哈希链字段 prevHash/hash。',
      en: 'Audit events with seq greater than `after`, in order, for systems that mirror the log. Needs audit.view; a system admin sees every event, others those recorded against an agency in their scope. Each event carries the hash chain (prevHash/hash).',
    },
    query: AuditQuery,
    response: AuditEventPage,
    errors: [403, 422],
    exampleQuery: 'after=0&limit=500',
    async handle({ deps, actor, query }) {
      authorizeAction(actor, 'audit.view');
      const page = await auditFeed(deps.db, {
        scopePath: scopePath(actor),
        after: query.after,
        limit: query.limit,
      });
      return {
        data: page.items.map(presentAuditEvent),
        next: nextCursor(page.items, page.more, (e) => Number(e.seq)),
      };
    },
  }),
];
