export * from './case.js';
export * from './case-history.js';
export * from './chain-audit.js';
