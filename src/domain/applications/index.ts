// Disclosure applications (依申请公开): the pure rules — identity documents, applicant types,
// outcomes (table 三 rows), fees, and the case state derived from dated events (docs/applications.md).
export * from './identity.js';
export * from './applicant.js';
export * from './outcomes.js';
export * from './fees.js';
export * from './state.js';
export * from './request.js';
export * from './tracking.js';
