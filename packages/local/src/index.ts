/**
 * @module @sme/local
 * The embedded stack for `pnpm dev` and tests: DynamoDB Local, the local S3, the
 * virtual clock and the app on @hono/node-server. Also the edge that reads tenant files.
 */

export { loadTenants } from '@sme/tenants/load';
export { seedDemo } from './demo/seed-demo.js';
export * from './errors.js';
export * from './server/local-config.js';
export * from './server/local-stack.js';
export * from './server/persistent-clock.js';
export * from './server/stack-endpoints.js';
