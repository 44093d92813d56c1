// GET /api/v1/me: who the token belongs to — the first call an integrator makes to check a token.
import { findAgencyById } from '../../queries/agencies.js';
import { defineOperation } from './operation.js';
import { presentMe } from './presenters.js';
import { Me } from './schemas.js';

export const meOperations = [
  defineOperation({
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    tag: '账号',
    summary: { zh: '查看令牌所属用户', en: 'The token’s user' },
    description: {
      zh: '返回访问令牌所属的工作人员、所属机构和可执行的操作。可用于检查令牌是否有效。',
      en: 'The staff member the token belongs to, their agency and what they may do. Use it to check a token.',
    },
    response: Me,
    errors: [],
    async handle({ deps, actor }) {
      const agency = await findAgencyById(deps.db, actor.agencyId);
      return presentMe(actor, agency?.code ?? '');
    },
  }),
];
