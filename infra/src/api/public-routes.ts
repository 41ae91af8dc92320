/**
 * The routes anyone may call without signing in (API.md): health, the catalogue of
 * calls, publicity notices with objections to them, the published pool, a member's
 * public record and the notices of disqualification, and the API's own description. Every other route sits behind the JWT authorizer, so a route added
 * to the app is protected until it is listed here. `test/deploy/public-routes.test.ts`
 * holds this list to the app's OpenAPI document.
 */
export interface PublicRoute {
  method: 'GET' | 'POST';
  /** API Gateway's path syntax, which is also the OpenAPI one: `{t}` is one segment. */
  path: string;
}

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/api/docs' },
  { method: 'GET', path: '/api/tenants' },
  { method: 'GET', path: '/api/tenants/{t}' },
  { method: 'GET', path: '/api/tenants/{t}/programs/{p}' },
  { method: 'GET', path: '/api/tenants/{t}/notices' },
  { method: 'POST', path: '/api/tenants/{t}/notices/{id}/objections' },
  { method: 'GET', path: '/api/tenants/{t}/pool' },
  // The member itself and staff who send their token see the full record (the API
  // verifies a token it is given on any route).
  { method: 'GET', path: '/api/tenants/{t}/members/{uscc}' },
  { method: 'GET', path: '/api/tenants/{t}/disqualifications' },
];
