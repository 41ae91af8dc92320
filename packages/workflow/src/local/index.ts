/**
 * @module @sme/workflow/local
 * The in-process review engine of the local stack and tests: the compiled state machines
 * run with aws-local-stepfunctions. Kept apart from the package root so that a Lambda
 * bundle, which imports the root, never carries the local executor.
 */
export * from './local-executor.js';
export * from './review-engine.js';
