/**
 * The local stack's own routes (API.md "Local stack"): sign-in without an identity
 * provider and the virtual clock. Mounted only when the host supplies `dev`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { formatShanghai, parseInstant, ROLES } from '@sme/core';
import type { TenantRegistry } from '@sme/platform';
import { SafeId } from '../applications/application.schemas.js';
import { claimsForLogin, signDevToken } from '../auth/dev-login.js';
import type { DevDeps } from '../deps.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { publicRoute } from './openapi-helpers.js';

const LoginBody = z
  .object({
    role: z.enum(ROLES),
    tenant: z.string().min(1),
    region: z.string().optional(),
    org: z.string().optional(),
    expertId: SafeId.optional(),
    name: z.string().max(100).optional(),
  })
  .openapi('DevLogin');

const ClockAnswer = z.object({ now: z.string().openapi({ example: '2024-01-20T09:00:00+08:00' }) });

const login = createRoute({
  method: 'post',
  path: '/api/dev/login',
  ...publicRoute,
  tags: ['Local stack'],
  summary: 'Issue a signed token for a role (local only)',
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: {
      description: 'Signed in',
      content: { 'application/json': { schema: z.object({ token: z.string() }) } },
    },
    404: problemResponse('Unknown tenant'),
    422: problemResponse('The identity does not fit the tenant'),
  },
});

const getClock = createRoute({
  method: 'get',
  path: '/api/dev/clock',
  ...publicRoute,
  tags: ['Local stack'],
  summary: 'The virtual clock',
  responses: {
    200: { description: 'Now', content: { 'application/json': { schema: ClockAnswer } } },
  },
});

const moveClock = createRoute({
  method: 'post',
  path: '/api/dev/clock',
  ...publicRoute,
  tags: ['Local stack'],
  summary: 'Move the virtual clock forward; every timer due by then fires first',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            advanceTo: z.string().openapi({ example: '2024-02-01T00:00:00+08:00' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Moved',
      content: { 'application/json': { schema: ClockAnswer.extend({ fired: z.number().int() }) } },
    },
    409: problemResponse('The target is before now'),
    422: problemResponse('Not an instant with an offset'),
  },
});

export function devRoutes(registry: TenantRegistry, dev: DevDeps) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(login, async (c) => {
      const body = c.req.valid('json');
      const claims = claimsForLogin(registry.tenant(body.tenant), body);
      return c.json(
        { token: await signDevToken(claims, dev.tokenSecret, dev.sessionClock.now()) },
        200,
      );
    })
    .openapi(getClock, (c) => c.json({ now: formatShanghai(dev.clock.now()) }, 200))
    .openapi(moveClock, async (c) => {
      const target = parseInstant(c.req.valid('json').advanceTo);
      const now = dev.clock.advanceTo(target);
      const fired = await dev.fireDueTimers(now);
      return c.json({ now: formatShanghai(now), fired }, 200);
    });
}
