// 消息 (issue 9.6): the back office's messages — the actor's reminders and, for who handles
// applications, the notices to applicants that were not sent — with 标记为已读. Every back-office
// page counts the actor's unread messages (one indexed count) for the navigation's 消息（n）.
import type { FastifyInstance } from 'fastify';
import { markAllMessagesRead, markMessageRead } from '../../commands/messages.js';
import { listMessages, unreadMessageCount } from '../../queries/messages.js';
import { MessagesPageView, type MessagesDone } from '../../views/admin/messages.js';
import { adminShell, setUnreadMessages } from '../page.js';
import { requireStaff, routeOf } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, idParam } from './helpers.js';

const DONE: readonly MessagesDone[] = ['read', 'allRead'];

export function registerAdminMessageRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The count of the navigation: only for pages (GET) of the back office, for a signed-in person.
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || req.authVia !== 'session' || !req.actor) return;
    if (!routeOf(req).startsWith('/admin')) return;
    setUnreadMessages(req, await unreadMessageCount(deps.db, req.actor.userId));
  });

  app.get('/admin/messages', { preHandler: requireStaff }, async (req, reply) => {
    const page = await listMessages(deps.db, actorOf(req), deps.personalData);
    // The list itself is fresher than the hook's count when both ran: use the list's.
    setUnreadMessages(req, page.unread);
    return reply.html(
      <MessagesPageView shell={adminShell(req, reply, deps)} page={page} done={doneFlag(req, DONE)} />,
    );
  });

  const post = { preHandler: [requireStaff, app.csrfProtection] };

  app.post('/admin/messages/read-all', post, async (req, reply) => {
    await markAllMessagesRead(deps, commandContext(req));
    return reply.redirect('/admin/messages?done=allRead', 303);
  });

  app.post('/admin/messages/:id/read', post, async (req, reply) => {
    await markMessageRead(deps, commandContext(req), idParam(req));
    return reply.redirect('/admin/messages?done=read', 303);
  });
}
