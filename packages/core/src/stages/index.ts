export * from './registry.js';
export * from './stage-kind.js';
