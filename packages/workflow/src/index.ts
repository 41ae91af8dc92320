/**
 * @module @sme/workflow
 * The review engine: one pure compiler from a program's stages to Amazon States
 * Language, the Step Functions engine of the deployment, and the ports an engine
 * drives (`StageHandler`) and is driven by (`TaskReleaser`). The local executor is
 * `@sme/workflow/local`. What each stage does to an application is `@sme/platform`'s.
 */

export * from './aws/state-machine-name.js';
export * from './aws/step-functions-review.js';
export * from './compile/asl.js';
export * from './compile/compile-program.js';
export * from './ports/stage-handler.js';
export * from './ports/task-releaser.js';
