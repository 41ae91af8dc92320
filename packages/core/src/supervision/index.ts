export * from './complaint.js';
export * from './engagement.js';
export * from './member.js';
export * from './periods.js';
export * from './supervision-cases.js';
export * from './supervision-rules.js';
