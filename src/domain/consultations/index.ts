// 意见征集: the public surface of src/domain/consultations.
export * from './rules.js';
export * from './period.js';
export * from './feedback.js';
export * from './status.js';
export * from './text.js';
