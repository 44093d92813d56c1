// The appeals register (复议诉讼): kinds, results, validation and table 四 (docs/applications.md).
export * from './appeals.js';
