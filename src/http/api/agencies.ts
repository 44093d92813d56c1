// Agencies within the token user's subtree: a flat page (with parentCode) or, with ?tree=1, nested.
import { NotFound } from '../../domain/errors.js';
import { authorize, authorizeAction, scopePath } from '../../policies/policy.js';
import { allAgencies, findAgencyWithParent, pageAgencies } from '../../queries/agency-page.js';
import { defineOperation } from './operation.js';
import { nextCursor, presentAgency, presentAgencyTree } from './presenters.js';
import { Agency, AgencyList, AgencyListQuery, CodeParams } from './schemas.js';

export const agencyOperations = [
  defineOperation({
    method: 'GET',
    path: '/api/v1/agencies',
    operationId: 'listAgencies',
    tag: '机构',
    summary: { zh: '列出机构', en: 'List agencies' },
    description: {
      zh: '令牌用户所属机构及其全部下级机构（系统管理员为全部机构），按 id 排序、分页；上级总在下级之前。加 tree=1 返回嵌套的整棵树。',
      en: 'The token user’s agency and everything below it (all agencies for a system admin), by id, paged; parents come first. tree=1 returns the nested tree.',
    },
    query: AgencyListQuery,
    response: AgencyList,
    errors: [403, 422],
    exampleQuery: 'limit=100',
    async handle({ deps, actor, query }) {
      authorizeAction(actor, 'agency.view');
      if (query.tree === '1')
        return { data: presentAgencyTree(await allAgencies(deps.db, scopePath(actor))), next: null };
      const page = await pageAgencies(deps.db, {
        scopePath: scopePath(actor),
        after: query.after,
        limit: query.limit,
      });
      return { data: page.items.map(presentAgency), next: nextCursor(page.items, page.more, (a) => a.id) };
    },
  }),
  defineOperation({
    method: 'GET',
    path: '/api/v1/agencies/{code}',
    operationId: 'getAgency',
    tag: '机构',
    summary: { zh: '查看机构', en: 'Get an agency' },
    description: {
      zh: '按机构代码查看一个机构及其政府信息公开工作机构的联系信息。范围之外的机构返回 404。',
      en: 'One agency and its disclosure office’s contact details, by code. Agencies outside the scope answer 404.',
    },
    params: CodeParams,
    response: Agency,
    errors: [403, 404],
    async handle({ deps, actor, params }) {
      const found = await findAgencyWithParent(deps.db, params.code);
      if (!found) throw new NotFound('机构不存在或不在您的权限范围内');
      authorize(actor, 'agency.view', { ...found, agencyPath: found.path });
      return presentAgency(found);
    },
  }),
];
