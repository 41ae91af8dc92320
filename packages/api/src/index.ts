/**
 * @module @sme/api
 * The HTTP API and the portal: routes, pages, auth, tenant scoping, OpenAPI. Knows
 * HTTP; delegates every decision to `@sme/platform`.
 */
export { createApiApp } from './api-app.jsx';
export { type App, createApp } from './app.jsx';
export { claimsForLogin } from './auth/dev-login.js';
export { type IssuerFetch, OidcSignIn, type OidcSignInOptions } from './auth/oidc-sign-in.js';
export {
  type ClaimNames,
  DEFAULT_CLAIM_NAMES,
  hmacVerifier,
  jwksVerifier,
  type TokenVerifier,
} from './auth/token-verifier.js';
export type { AppDeps, DevDeps } from './deps.js';
export {
  type DemoIdentity,
  demoExpertIds,
  demoIdentities,
  demoOrganizations,
} from './portal/session/demo-identities.js';
export { createPortalApp } from './portal-app.js';
