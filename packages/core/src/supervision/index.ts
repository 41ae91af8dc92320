export * from './evaluation.js';
export * from './evaluation-rules.js';
export * from './member.js';
export * from './periods.js';
export * from './supervision-cases.js';
export * from './supervision-rules.js';
export * from './yearly-update.js';
