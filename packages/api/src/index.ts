/**
 * @module @sme/api
 * The HTTP API and (later) the portal: routes, auth, tenant scoping, OpenAPI. Knows
 * HTTP; delegates every decision to `@sme/platform`.
 */
export { type App, createApp } from './app.jsx';
export {
  type ClaimNames,
  DEFAULT_CLAIM_NAMES,
  hmacVerifier,
  jwksVerifier,
  type TokenVerifier,
} from './auth/token-verifier.js';
export type { AppDeps, DevDeps } from './deps.js';
