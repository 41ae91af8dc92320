/**
 * Review by expert panels (API.md "Review"): the convenor assigns or draws the experts
 * of a panel stage, each expert scores the rubric or declares a conflict, and a stage
 * decided by quota has its ranking and a decision for a whole group at once.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import { AppParams, SafeId, TenantParam } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';

const tags = ['Review'];

const AssignBody = z
  .object({
    stage: z.string().min(1).max(64).openapi({ example: 'expert-review' }),
    expertIds: z.array(SafeId).min(1).max(20),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .openapi({ description: 'Required once an expert has scored: the panel is then fixed' }),
  })
  .openapi('AssignExperts');

const ScoreBody = z
  .object({
    stage: z.string().min(1).max(64),
    scores: z
      .record(z.string(), z.number())
      .optional()
      .openapi({ example: { 'technical-team': 18 } }),
    comment: z.string().trim().max(2000).optional(),
    conflict: z.literal(true).optional(),
  })
  .openapi('Score');

const experts = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/experts',
  tags,
  summary: 'Assign experts to a panel stage (at least its minExperts)',
  request: { params: AppParams, body: jsonBody(AssignBody) },
  responses: {
    200: json(z.object({ stage: z.string(), expertIds: z.array(z.string()) }), 'Assigned'),
    403: problemResponse('Not the panel’s convenor'),
    409: problemResponse(
      'Not at that stage (stale_stage), or scoring has begun and no reason was given (panel_fixed)',
    ),
    422: problemResponse('Fewer experts than the stage needs, or an expert with a conflict'),
  },
});

const scores = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/scores',
  tags,
  summary: 'Score the rubric, or declare a conflict; a score locks when submitted',
  request: { params: AppParams, body: jsonBody(ScoreBody) },
  responses: {
    200: json(
      z.object({
        stage: z.string(),
        expertId: z.string(),
        total: z.number(),
        conflict: z.boolean(),
      }),
      'Scored',
    ),
    403: problemResponse('Not on this panel'),
    409: problemResponse(
      'Not at that stage, already scored (score_locked), a conflict to declare (expert_conflict), or other answers kept landing at that instant (busy): nothing recorded, send it again',
    ),
    422: problemResponse('A score outside its criterion'),
  },
});

const ranking = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/programs/{p}/ranking',
  tags,
  summary: 'A panel stage’s ranking per track × industry against the quotas, with the waiting list',
  request: {
    params: TenantParam.extend({ p: z.string().openapi({ param: { name: 'p', in: 'path' } }) }),
    query: z.object({ stage: z.string().min(1).max(64).openapi({ example: 'expert-review' }) }),
  },
  responses: {
    200: json(
      z.object({
        stage: z.string(),
        maxTotal: z.number(),
        groups: z.array(
          z.object({
            track: z.string().optional(),
            industry: z.string().optional(),
            quota: z.object({ min: z.number(), max: z.number() }).optional(),
            entries: z.array(
              z.object({
                applicationId: z.string(),
                orgName: z.string(),
                average: z.number().optional(),
                scored: z.number(),
                spread: z.number(),
                spreadFlag: z.boolean(),
                position: z.number(),
                standing: z.enum(['within-quota', 'waiting-list', 'incomplete']),
              }),
            ),
          }),
        ),
      }),
      'The ranking',
    ),
    403: problemResponse('Not the panel’s convenor'),
  },
});

/** The convenor's decision for a group of the ranking: ids once each, in one list only. */
export const RankingDecisionBody = z
  .object({
    stage: z.string().min(1).max(64).openapi({ example: 'expert-review' }),
    pass: z.array(SafeId).min(1).max(200),
    reject: z.array(SafeId).max(200).optional(),
    comment: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .openapi({ example: '按综合得分排名，配额内择优推荐。' }),
  })
  .superRefine((body, ctx) => {
    const all = [...body.pass, ...(body.reject ?? [])];
    if (new Set(all).size === all.length) return;
    const both = body.pass.some((id) => body.reject?.includes(id));
    ctx.addIssue({
      code: 'custom',
      path: [both ? 'reject' : 'pass'],
      message: both
        ? 'An application cannot be both passed and rejected'
        : 'An application is listed twice',
    });
  })
  .openapi('RankingDecision');

const rankingDecision = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/programs/{p}/ranking/decision',
  tags,
  summary: 'Pass (and reject) many applications of a ranking at once, each in its own history',
  request: {
    params: TenantParam.extend({ p: z.string().openapi({ param: { name: 'p', in: 'path' } }) }),
    body: jsonBody(RankingDecisionBody),
  },
  responses: {
    200: json(
      z.object({
        decided: z.number().int(),
        skipped: z
          .array(z.string())
          .optional()
          .openapi({ description: 'Decided by someone else between the check and the decision' }),
      }),
      'Decided',
    ),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not the panel’s convenor'),
    409: problemResponse(
      'An application not ready at that stage (stale_stage): nothing decided; or one kept meeting other writes (busy)',
    ),
    422: problemResponse('Not a ranked panel stage; an id twice, in both lists, or none to pass'),
  },
});

const drawExperts = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/experts/draw',
  tags,
  summary: 'Draw the panel at random from the pool, conflicts excluded; re-runnable from the seed',
  request: {
    params: AppParams,
    body: jsonBody(
      z.object({
        stage: z.string().min(1).max(64),
        count: z.number().int().min(1).max(20).optional(),
        reason: z.string().trim().min(1).max(1000).optional(),
      }),
    ),
  },
  responses: {
    200: json(
      z.object({
        stage: z.string(),
        expertIds: z.array(z.string()),
        drawn: z.array(z.string()),
        seedHash: z.string(),
        seed: z.string(),
        eligible: z.array(z.string()),
      }),
      'Drawn and assigned',
    ),
    403: problemResponse('Not the panel’s convenor'),
    422: problemResponse('Too few eligible experts'),
  },
});

export function panelRoutes({ panels, ranking: rankings, rankingDecision: batch }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(experts, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await panels.assign(tenant, claims, id, c.req.valid('json')), 200);
    })
    .openapi(ranking, async (c) => {
      const { p } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await rankings.ranking(tenant, claims, p, c.req.valid('query').stage), 200);
    })
    .openapi(rankingDecision, async (c) => {
      const { p } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await batch.decide(tenant, claims, p, c.req.valid('json')), 200);
    })
    .openapi(drawExperts, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await panels.draw(tenant, claims, id, c.req.valid('json')), 200);
    })
    .openapi(scores, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await panels.score(tenant, claims, id, c.req.valid('json')), 200);
    });
}
