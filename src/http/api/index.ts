// The REST API: every /api/v1 operation, registered from one list that also generates the OpenAPI
// document and the docs page. Bearer tokens, except for public operations (src/http/plugins/auth.ts
// ignores cookies on /api, so no API call needs a CSRF token).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../types.js';
import { agencyOperations } from './agencies.js';
import { applicationOperations } from './applications.js';
import { auditOperations } from './audit-events.js';
import { consultationOperations } from './consultations.js';
import { registerApiDocsRoutes } from './docs.js';
import { documentOperations } from './documents.js';
import { letterOperations } from './letters.js';
import { meOperations } from './me.js';
import { qaOperations } from './qa.js';
import { registerOperation, type ApiOperation } from './operation.js';
import { reportCheckOperations } from './report-check.js';
import { userOperations } from './users.js';

export const API_OPERATIONS: ApiOperation[] = [
  ...meOperations,
  ...agencyOperations,
  ...userOperations,
  ...auditOperations,
  ...reportCheckOperations,
  ...applicationOperations,
  ...documentOperations,
  ...consultationOperations,
  ...letterOperations,
  ...qaOperations,
];

export function registerApiRoutes(app: FastifyInstance, deps: AppDeps): void {
  for (const op of API_OPERATIONS) registerOperation(app, deps, op);
  registerApiDocsRoutes(app, deps, API_OPERATIONS);
}
