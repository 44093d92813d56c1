// The statutory calendar and the disclosure clock: the public surface of src/domain/calendar.
export * from './iso-date.js';
export * from './work-calendar.js';
export * from './chinese-days.js';
export * from './workdays.js';
export * from './clock-rules.js';
export * from './receipt.js';
export * from './clock-facts.js';
export type { ConsultationDeadline, ClosedBy } from './clock-parts.js';
export { PAUSE_REASONS } from './clock-parts.js';
export * from './explain.js';
export * from './warnings.js';
export * from './clock.js';
export * from './other-deadlines.js';
export * from './statutory-holidays.js';
export * from './status-text.js';
