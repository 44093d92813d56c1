// Staff users within the token user's subtree (user.view: system, agency admins and auditors).
import { NotFound } from '../../domain/errors.js';
import { authorize, authorizeAction, scopePath } from '../../policies/policy.js';
import { findUserSummary, pageUsers } from '../../queries/user-page.js';
import { defineOperation } from './operation.js';
import { nextCursor, presentUser } from './presenters.js';
import { LoginParams, PageQuery, User, UserPage } from './schemas.js';

export const userOperations = [
  defineOperation({
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    tag: '用户',
    summary: { zh: '列出工作人员', en: 'List staff users' },
    description: {
      zh: '令牌用户机构范围内的工作人员账号，按 id 排序、分页。需要“查看用户”权限（系统管理员、单位管理员、监督审计员）。不含密码及登录失败信息，仅给出是否锁定。',
      en: 'Staff accounts in the token user’s scope, by id, paged. Needs the user.view permission. No password data; only whether an account is locked.',
    },
    query: PageQuery,
    response: UserPage,
    errors: [403, 422],
    exampleQuery: 'limit=100',
    async handle({ deps, actor, query }) {
      authorizeAction(actor, 'user.view');
      const page = await pageUsers(deps.db, {
        scopePath: scopePath(actor),
        after: query.after,
        limit: query.limit,
      });
      const now = deps.now();
      return {
        data: page.items.map((u) => presentUser(u, now)),
        next: nextCursor(page.items, page.more, (u) => u.id),
      };
    },
  }),
  defineOperation({
    method: 'GET',
    path: '/api/v1/users/{login}',
    operationId: 'getUser',
    tag: '用户',
    summary: { zh: '查看工作人员', en: 'Get a staff user' },
    description: {
      zh: '按登录名查看一个工作人员账号（不区分大小写）。范围之外的账号返回 404。',
      en: 'One staff account by login (case-insensitive). Accounts outside the scope answer 404.',
    },
    params: LoginParams,
    response: User,
    errors: [403, 404],
    async handle({ deps, actor, params }) {
      const found = await findUserSummary(deps.db, params.login);
      if (!found) throw new NotFound('用户不存在或不在您的权限范围内');
      authorize(actor, 'user.view', found);
      return presentUser(found, deps.now());
    },
  }),
];
