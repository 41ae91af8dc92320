/**
 * The yearly update and the yearly evaluation (API.md "Supervision"): the member's
 * profile update and its inbox, and the evaluation a bureau opens, scores, leaves open
 * to the members' comments and publishes. Every decision is the platform's; these
 * routes validate, call and shape the answer (instants in Beijing time).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { formatShanghai } from '@sme/core';
import type { Platform } from '@sme/platform';
import { SafeId, TenantParam } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';
import { ProfileBody } from './shared-bodies.js';

const tags = ['Supervision'];
const Text = (max: number) => z.string().trim().min(2).max(max);
const Year = z.coerce.number().int().min(2000).max(2100);

const MemberParams = TenantParam.extend({
  uscc: SafeId.openapi({ param: { name: 'uscc', in: 'path' } }),
});
const YearParams = TenantParam.extend({
  year: Year.openapi({ param: { name: 'year', in: 'path' } }),
});
const YearMemberParams = YearParams.extend({
  uscc: SafeId.openapi({ param: { name: 'uscc', in: 'path' } }),
});

const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not the bureau the rule names, not the member, or another tenant'),
  404: problemResponse('No such member, evaluation or evaluated member'),
};
const Passthrough = z.object({}).passthrough();

/** Every ISO instant of an answer in Beijing time; nested objects too. */
function inShanghai(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value))
    return formatShanghai(new Date(value));
  if (Array.isArray(value)) return value.map(inShanghai);
  if (value && typeof value === 'object') {
    const {
      historyHead: _h,
      revision: _r,
      contentDigest: _d,
      ...rest
    } = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, inShanghai(v)]));
  }
  return value;
}
const answer = (value: unknown) => inShanghai(value) as Record<string, never>;

const putProfile = createRoute({
  method: 'put',
  path: '/api/tenants/{t}/members/{uscc}/profile',
  tags,
  summary: "The member's yearly information update (年度信息更新)",
  description:
    'By the member itself. The first update of each year is kept: a member with none by the rule’s date (the province: 31 March, 001 §三(三)) is excluded from that year’s evaluation.',
  request: {
    params: MemberParams,
    body: jsonBody(ProfileBody),
  },
  responses: {
    200: json(Passthrough, 'Updated'),
    ...errors,
    409: problemResponse('The member was removed, or the profile changed meanwhile'),
  },
});

const inbox = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/inbox',
  tags,
  summary: "The signed-in organization's inbox (reminders), newest first",
  request: { params: TenantParam, query: z.object({ cursor: z.string().max(2000).optional() }) },
  responses: { 200: json(Passthrough, 'Messages'), ...errors },
});

const open = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/evaluations',
  tags,
  summary: 'Open the yearly evaluation (年度评价) of every member',
  request: { params: TenantParam, body: jsonBody(z.object({ year: Year })) },
  responses: {
    201: json(Passthrough, 'Opened: members, comment window'),
    ...errors,
    409: problemResponse('The year is already open (evaluation_exists)'),
    422: problemResponse('A year not begun, or no grading configured'),
  },
});

const view = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/evaluations/{year}',
  tags,
  summary: 'A year’s evaluation, member by member',
  request: { params: YearParams },
  responses: {
    200: json(Passthrough, 'Indicators, evidence, scores, grades, exclusions'),
    ...errors,
  },
});

const memberYear = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/evaluations/{year}/members/{uscc}',
  tags,
  summary: "One member's evaluation: for the member itself and staff in scope",
  request: { params: YearMemberParams },
  responses: { 200: json(Passthrough, 'Indicators, evidence, scores, proposed grade'), ...errors },
});

const score = createRoute({
  method: 'put',
  path: '/api/tenants/{t}/evaluations/{year}/members/{uscc}/scores',
  tags,
  summary: "A scorer's sheet for one member (0–100 per indicator)",
  request: {
    params: YearMemberParams,
    body: jsonBody(
      z.object({
        scores: z.record(SafeId, z.number().min(0).max(100)),
        comment: Text(2000).optional(),
      }),
    ),
  },
  responses: {
    200: json(Passthrough, 'The member’s evaluation with its proposed grade'),
    ...errors,
    409: problemResponse('Published meanwhile'),
    422: problemResponse('An indicator the member is not scored on (unknown_indicator)'),
  },
});

const comment = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/evaluations/{year}/members/{uscc}/comment',
  tags,
  summary: "The member's comment on its evaluation, within the window",
  request: { params: YearMemberParams, body: jsonBody(z.object({ text: Text(5000) })) },
  responses: {
    200: json(Passthrough, 'Recorded'),
    ...errors,
    409: problemResponse('The window closed (comment_window_closed)'),
  },
});

const publish = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/evaluations/{year}/publish',
  tags,
  summary: 'Publish the grades, after the comment window',
  request: { params: YearParams },
  responses: {
    200: json(
      z.object({ year: z.number(), status: z.literal('published') }).passthrough(),
      'Published; grades public on the member pages',
    ),
    ...errors,
    409: problemResponse('The comment window is still open (comment_window_open), or published'),
    422: problemResponse('Members without a full score (scores_missing)'),
  },
});

export function evaluationRoutes({ supervision }: Platform) {
  const { yearlyUpdates, evaluations, evaluationPublisher } = supervision;
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(putProfile, async (c) => {
      const { tenant, claims } = member(c);
      const { uscc } = c.req.valid('param');
      return c.json(
        answer(await yearlyUpdates.update(tenant, claims, uscc, c.req.valid('json'))),
        200,
      );
    })
    .openapi(inbox, async (c) => {
      const { tenant, claims } = member(c);
      const page = await supervision.inbox.list(tenant, claims, c.req.valid('query').cursor);
      return c.json(answer(page), 200);
    })
    .openapi(open, async (c) => {
      const { tenant, claims } = member(c);
      return c.json(answer(await evaluations.open(tenant, claims, c.req.valid('json'))), 201);
    })
    .openapi(view, async (c) => {
      const { tenant, claims } = member(c);
      const { year } = c.req.valid('param');
      const { evaluation, members } = await evaluations.view(tenant, claims, year);
      const { members: _fixed, ...round } = evaluation;
      return c.json(answer({ ...round, members }), 200);
    })
    .openapi(memberYear, async (c) => {
      const { tenant, claims } = member(c);
      const { year, uscc } = c.req.valid('param');
      return c.json(answer(await evaluations.member(tenant, claims, year, uscc)), 200);
    })
    .openapi(score, async (c) => {
      const { tenant, claims } = member(c);
      const { year, uscc } = c.req.valid('param');
      const scored = await evaluations.score(tenant, claims, year, uscc, c.req.valid('json'));
      return c.json(answer(scored), 200);
    })
    .openapi(comment, async (c) => {
      const { tenant, claims } = member(c);
      const { year, uscc } = c.req.valid('param');
      const done = await evaluations.comment(tenant, claims, year, uscc, c.req.valid('json'));
      return c.json(answer(done), 200);
    })
    .openapi(publish, async (c) => {
      const { tenant, claims } = member(c);
      const { year } = c.req.valid('param');
      const published = await evaluationPublisher.publish(tenant, claims, year);
      const { members: _fixed, ...round } = published;
      return c.json({ ...answer(round), year: published.year, status: 'published' as const }, 200);
    });
}
