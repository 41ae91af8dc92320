/**
 * @module @sme/local
 * The embedded stack for `pnpm dev` and tests: DynamoDB Local, the local S3, the
 * virtual clock and the app on @hono/node-server. Also the edge that reads tenant files.
 */

export * from './server/local-config.js';
export * from './server/local-stack.js';
export * from './tenants/read-tenant-files.js';
