/**
 * @module @sme/workflow
 * Review stages as state machines: one pure compiler from a program's stages to Amazon
 * States Language, and (next) the local executor that runs the same definition.
 */
export * from './compile/asl.js';
export * from './compile/compile-program.js';
export * from './local/local-executor.js';
export * from './local/review-engine.js';
export * from './local/stage-handler.js';
export * from './review/due-date.js';
export * from './review/publicity.js';
export * from './review/review-stage-handler.js';
export * from './review/settle-stage.js';
export * from './review/task-releaser.js';
