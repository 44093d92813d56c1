// 政民互动 letters (领导信箱, 部门信箱, 公众监督): the pure rules — kinds, states, time limits, the view
// derived from the dated steps, masking for the public version, the spam check (docs/letters.md).
export * from './kinds.js';
export * from './events.js';
export * from './view.js';
export * from './masking.js';
export * from './spam.js';
export * from './tracking.js';
