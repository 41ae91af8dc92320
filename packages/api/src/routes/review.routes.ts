/**
 * Review (API.md "Review"): the caller's open tasks and decisions on manual stages. The
 * expert panels (assignment, draw, scores, ranking) are in panel.routes.ts.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import { AppParams, TenantParam } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';
import { DecisionBody } from './shared-bodies.js';

const tags = ['Review'];

const TaskSchema = z
  .object({
    taskId: z.string(),
    applicationId: z.string(),
    programId: z.string(),
    stage: z.string(),
    kind: z.string().openapi({ example: 'manual' }),
    dueAt: z.string().optional(),
    overdue: z.boolean().optional(),
    /** A ranking panel whose experts have all answered, ready for the decision. */
    ready: z.boolean().optional(),
    /** For an objection to check: its notice and the objection. */
    noticeId: z.string().optional(),
    objectionId: z.string().optional(),
  })
  .openapi('Task');

const tasks = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/tasks',
  tags,
  summary: "The caller's open work, oldest due first",
  request: {
    params: TenantParam,
    query: z.object({
      cursor: z.string().max(4200).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(TaskSchema), next: z.string().optional() }),
      'Open tasks, a page at a time',
    ),
    401: problemResponse('Not signed in'),
    403: problemResponse('Another tenant'),
  },
});

const decision = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/decision',
  tags,
  summary: 'Pass, return for correction, or reject at a manual stage',
  request: { params: AppParams, body: jsonBody(DecisionBody) },
  responses: {
    200: json(z.object({ status: z.string(), stage: z.string().optional() }), 'Decided'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not in your scope'),
    404: problemResponse('Unknown application'),
    409: problemResponse(
      'The application is not at that stage (stale_stage), or the decision kept meeting other writes at that instant (busy): nothing decided, send it again',
    ),
    422: problemResponse('Unknown stage or an outcome the stage does not allow'),
  },
});

export function reviewRoutes({ review }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(tasks, async (c) => {
      const { tenant, claims } = member(c);
      return c.json(await review.openTasks(tenant, claims, c.req.valid('query')), 200);
    })
    .openapi(decision, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await review.decide(tenant, claims, id, c.req.valid('json')), 200);
    });
}
