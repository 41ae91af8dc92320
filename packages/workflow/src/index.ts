/**
 * @module @sme/workflow
 * Review stages as state machines: one pure compiler from a program's stages to Amazon
 * States Language, the stage handler both runtimes call, publicity, and the Step Functions
 * engine of the deployment. The local executor is `@sme/workflow/local`.
 */

export * from './aws/state-machine-name.js';
export * from './aws/step-functions-review.js';
export * from './compile/asl.js';
export * from './compile/compile-program.js';
export * from './review/due-date.js';
export * from './review/publicity.js';
export * from './review/review-stage-handler.js';
export * from './review/send-release.js';
export * from './review/settle-stage.js';
export * from './review/stage-actor.js';
export * from './review/stage-handler.js';
export * from './review/task-releaser.js';
export * from './review/timer-jobs.js';
