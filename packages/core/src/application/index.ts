export * from './application.js';
export * from './application-errors.js';
export * from './entry-rules.js';
export * from './form-validation.js';
export * from './history-event.js';
export * from './lifecycle.js';
export * from './submission-rules.js';
