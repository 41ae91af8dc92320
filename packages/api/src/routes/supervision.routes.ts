/**
 * Supervision of the pool's members (API.md "Supervision"): the member page, rectification
 * orders, disqualifications with their public notices, and appeals. Every decision is the
 * platform's; these routes validate, call and shape the answer.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { APPEAL_SUBJECT_KINDS, MEMBER_STATUSES } from '@sme/core';
import type { Platform } from '@sme/platform';
import { SafeId, TenantParam } from '../applications/application.schemas.js';
import { member, scopeOf } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { caseView, shanghai } from './case-view.js';
import { engagementView } from './engagement.schemas.js';
import {
  idempotencyKey,
  json,
  jsonBody,
  keyedCreateDescription,
  publicRoute,
} from './openapi-helpers.js';

const tags = ['Supervision'];
const Text = (max: number) => z.string().trim().min(2).max(max);

const MemberParams = TenantParam.extend({
  uscc: SafeId.openapi({ param: { name: 'uscc', in: 'path' } }),
});
const CaseParams = TenantParam.extend({
  id: SafeId.openapi({ param: { name: 'id', in: 'path' } }),
});
const Created = z.object({ id: z.string(), status: z.string() }).passthrough();
const CaseSchema = z
  .object({ id: z.string(), status: z.string(), uscc: z.string(), createdAt: z.string() })
  .passthrough();

const OrderBody = z.object({ uscc: SafeId, ground: SafeId, detail: Text(2000) });
const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not the bureau of this tenant, or not the member'),
  404: problemResponse('No such member or case'),
  409: problemResponse('The case moved on, the member was removed, or the time passed'),
};

const route = <P extends string>(method: 'get' | 'post', path: P, summary: string) => ({
  method,
  path,
  tags,
  summary,
});

const getMember = createRoute({
  ...route('get', '/api/tenants/{t}/members/{uscc}', 'A member of the pool'),
  description:
    'Public: name, listings, status and latest grade. The member itself and staff in scope also see its orders, disqualifications, appeals, engagements, complaints, spot checks and history.',
  ...publicRoute,
  request: { params: MemberParams },
  responses: {
    200: json(
      z
        .object({
          uscc: z.string(),
          name: z.string(),
          status: z.enum(MEMBER_STATUSES),
          suspendedUntil: z.string().nullable().openapi({
            description:
              'While a province-wide ban in force suspends the member: when the ban ends (Asia/Shanghai)',
          }),
          full: z.boolean(),
        })
        .passthrough(),
      'The member',
    ),
    404: problemResponse('Not a member of this pool'),
  },
});

const order = createRoute({
  ...route('post', '/api/tenants/{t}/rectifications', 'Order a member to rectify (限期整改)'),
  description: keyedCreateDescription('orders', 'order'),
  request: { params: TenantParam, body: jsonBody(OrderBody) },
  responses: {
    201: json(Created, 'Ordered; the member is rectifying until it is accepted'),
    ...errors,
    422: problemResponse('A ground the tenant does not list (unknown_ground)'),
  },
});

const report = createRoute({
  ...route('post', '/api/tenants/{t}/rectifications/{id}/report', "The member's report"),
  request: { params: CaseParams, body: jsonBody(z.object({ text: Text(5000) })) },
  responses: { 200: json(CaseSchema, 'Reported'), ...errors },
});

const decideOrder = createRoute({
  ...route('post', '/api/tenants/{t}/rectifications/{id}/decision', 'Accept or reject a report'),
  request: {
    params: CaseParams,
    body: jsonBody(z.object({ outcome: z.enum(['accepted', 'rejected']), comment: Text(2000) })),
  },
  responses: { 200: json(CaseSchema, 'Decided'), ...errors },
});

const disqualify = createRoute({
  ...route('post', '/api/tenants/{t}/disqualifications', 'Disqualify a member (取消资格)'),
  request: { params: TenantParam, body: jsonBody(OrderBody) },
  responses: {
    201: json(Created, 'Removed from the pool; banned where the ground bans'),
    ...errors,
    422: problemResponse('A ground the tenant does not list (unknown_ground)'),
  },
});

const listDisqualifications = createRoute({
  ...route('get', '/api/tenants/{t}/disqualifications', 'Published disqualification notices'),
  ...publicRoute,
  request: { params: TenantParam },
  responses: {
    200: json(z.object({ items: z.array(CaseSchema.partial().passthrough()) }), 'Notices'),
  },
});

const lodge = createRoute({
  ...route(
    'post',
    '/api/tenants/{t}/appeals',
    'Appeal against an order, a disqualification, a published grade or an upheld complaint',
  ),
  description:
    'The member. `subject.id` of an evaluation is its member evaluation, `<year>-<uscc>`. One open appeal per decision (`409 appeal_pending`); a complaint not upheld is `409 complaint_not_upheld`, a grade not published `409 grade_not_published`.',
  request: {
    params: TenantParam,
    body: jsonBody(
      z.object({
        subject: z.object({ kind: z.enum(APPEAL_SUBJECT_KINDS), id: SafeId }),
        ground: SafeId,
        detail: Text(5000),
      }),
    ),
  },
  responses: {
    201: json(Created, 'Lodged; the bureau decides it'),
    ...errors,
    422: problemResponse('A ground the tenant does not list (unknown_ground)'),
  },
});

const decideAppeal = createRoute({
  ...route('post', '/api/tenants/{t}/appeals/{id}/decision', 'Decide an appeal'),
  request: {
    params: CaseParams,
    body: jsonBody(z.object({ upheld: z.boolean(), comment: Text(2000) })),
  },
  responses: {
    200: json(CaseSchema, 'Decided; upheld restores what the subject changed'),
    ...errors,
  },
});

const board = createRoute({
  ...route('get', '/api/tenants/{t}/supervision/board', "The province's early-warning board"),
  description:
    '`province_admin` of the province: orders past due in every city, and organizations removed in one city while active in another.',
  request: { params: TenantParam },
  responses: {
    200: json(
      z.object({
        overdueOrders: z.array(
          z.object({
            id: z.string(),
            tenant: z.string(),
            uscc: z.string(),
            name: z.string().optional(),
            ground: z.string(),
            status: z.string(),
            dueAt: z.string(),
            createdAt: z.string(),
          }),
        ),
        removedElsewhere: z.array(
          z.object({
            uscc: z.string(),
            removedIn: z.array(z.string()),
            activeIn: z.array(z.string()),
          }),
        ),
      }),
      'The board',
    ),
    ...errors,
  },
});

export function supervisionRoutes({ supervision }: Platform) {
  const { memberView, rectifications, disqualifications, appeals, provinceBoard } = supervision;
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(getMember, async (c) => {
      const { tenant } = scopeOf(c);
      const view = await memberView.view(tenant, c.get('claims'), c.req.valid('param').uscc);
      const shown = {
        ...view,
        listings: view.listings.map((l) => ({ ...l, listedAt: shanghai(l.listedAt) })),
        suspendedUntil: view.suspendedUntil && shanghai(view.suspendedUntil),
      };
      if (!view.full) return c.json(shown, 200);
      return c.json(
        {
          ...shown,
          rectifications: view.rectifications.map(caseView),
          disqualifications: view.disqualifications.map(caseView),
          appeals: view.appeals.map(caseView),
          engagements: view.engagements.map(engagementView),
          complaints: view.complaints.map(caseView),
          spotChecks: view.spotChecks.map(caseView),
          evaluations: view.evaluations.map(caseView),
        },
        200,
      );
    })
    .openapi(order, async (c) => {
      const { tenant, claims } = member(c);
      const key = idempotencyKey(c);
      const ordered = await rectifications.order(tenant, claims, c.req.valid('json'), key);
      return c.json(caseView(ordered), 201);
    })
    .openapi(report, async (c) => {
      const { tenant, claims } = member(c);
      const { id } = c.req.valid('param');
      return c.json(
        caseView(await rectifications.report(tenant, claims, id, c.req.valid('json'))),
        200,
      );
    })
    .openapi(decideOrder, async (c) => {
      const { tenant, claims } = member(c);
      const { id } = c.req.valid('param');
      return c.json(
        caseView(await rectifications.decide(tenant, claims, id, c.req.valid('json'))),
        200,
      );
    })
    .openapi(disqualify, async (c) => {
      const { tenant, claims } = member(c);
      const done = await disqualifications.disqualify(tenant, claims, c.req.valid('json'));
      return c.json(caseView(done), 201);
    })
    .openapi(listDisqualifications, async (c) => {
      const notices = await disqualifications.notices(scopeOf(c).tenant);
      return c.json(
        { items: notices.map((n) => ({ ...n, createdAt: shanghai(n.createdAt) })) },
        200,
      );
    })
    .openapi(lodge, async (c) => {
      const { tenant, claims } = member(c);
      return c.json(caseView(await appeals.lodge(tenant, claims, c.req.valid('json'))), 201);
    })
    .openapi(board, async (c) => {
      const { tenant, claims } = member(c);
      const found = await provinceBoard.board(tenant, claims);
      const overdueOrders = found.overdueOrders.map((o) => ({
        ...o,
        dueAt: shanghai(o.dueAt),
        createdAt: shanghai(o.createdAt),
      }));
      const stalledEngagements = found.stalledEngagements.map((e) => ({
        ...e,
        updatedAt: shanghai(e.updatedAt),
      }));
      return c.json({ ...found, overdueOrders, stalledEngagements }, 200);
    })
    .openapi(decideAppeal, async (c) => {
      const { tenant, claims } = member(c);
      const { id } = c.req.valid('param');
      return c.json(caseView(await appeals.decide(tenant, claims, id, c.req.valid('json'))), 200);
    });
}
