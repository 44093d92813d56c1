// Notices (告知书) of disclosure applications: kinds, placeholders, default templates, filling and
// checking templates, document numbers and Chinese dates. Pure: the renderers live in src/render.
export * from './kinds.js';
export * from './placeholders.js';
export * from './template.js';
export * from './templates.js';
export * from './dates.js';
export * from './number.js';
export * from './remedies.js';
export * from './document.js';
