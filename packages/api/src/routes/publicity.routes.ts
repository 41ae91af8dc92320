/**
 * Publicity and the pool (API.md "Publicity and the pool"): notices, objections (public),
 * the city's check of an objection, and the published pool with search.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { formatShanghai, MEMBER_STATUSES } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Notice, Objection } from '@sme/store';
import { SafeId, TenantParam } from '../applications/application.schemas.js';
import { member, scopeOf } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import {
  idempotencyKey,
  json,
  jsonBody,
  keyedCreateDescription,
  publicRoute,
} from './openapi-helpers.js';
import { ObjectionBody } from './shared-bodies.js';

const tags = ['Publicity and pool'];
const Entry = z.object({
  applicationId: z.string(),
  orgName: z.string(),
  track: z.string().optional(),
  category: z.string().optional(),
  industries: z.array(z.string()),
  /** The district the organization registered in. */
  region: z.string().optional(),
  /** The applicant withdrew while the notice ran: the entry no longer stands. */
  withdrawnAt: z.string().optional(),
});
const NoticeSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    publishedAt: z.string(),
    endsAt: z.string(),
    entries: z.array(Entry),
  })
  .openapi('Notice');
const NoticeParams = TenantParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
});
const ObjectionParams = NoticeParams.extend({
  objectionId: z.string().openapi({ param: { name: 'objectionId', in: 'path' } }),
});

const shanghai = (iso: string) => formatShanghai(new Date(iso));

const noticeView = (n: Notice) => ({
  id: n.id,
  programId: n.programId,
  publishedAt: shanghai(n.publishedAt),
  endsAt: shanghai(n.endsAt),
  entries: n.entries.map(({ uscc: _uscc, withdrawnAt, ...entry }) => ({
    ...entry,
    ...(withdrawnAt && { withdrawnAt: shanghai(withdrawnAt) }),
  })),
});

const objectionView = (o: Objection) => ({
  objectionId: o.objectionId,
  applicationId: o.applicationId,
  reason: o.reason,
  contact: o.contact,
  at: shanghai(o.at),
  state: o.state,
  ...(o.decidedBy && { decidedBy: o.decidedBy }),
  ...(o.decidedAt && { decidedAt: shanghai(o.decidedAt) }),
  ...(o.comment && { comment: o.comment }),
});

const publish = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/notices',
  tags,
  summary: 'Publish a publicity notice of applications waiting at publicity',
  request: {
    params: TenantParam,
    body: jsonBody(
      z.object({
        programId: z.string().min(1).max(64),
        applicationIds: z.array(SafeId).min(1).max(500),
      }),
    ),
  },
  responses: {
    201: json(NoticeSchema, 'Published'),
    403: problemResponse('Not the city bureau'),
    409: problemResponse('An application is not waiting at publicity'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/notices',
  tags,
  summary: 'Publicity notices (public)',
  ...publicRoute,
  request: { params: TenantParam },
  responses: { 200: json(z.object({ items: z.array(NoticeSchema) }), 'Notices') },
});

const object = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/notices/{id}/objections',
  tags,
  summary: 'Object to an entry while the notice runs (public)',
  description: keyedCreateDescription('objects', 'objection'),
  ...publicRoute,
  request: {
    params: NoticeParams,
    body: jsonBody(ObjectionBody),
  },
  responses: {
    201: json(
      z.object({ objectionId: z.string() }),
      'Recorded; the entry is held for the city’s check',
    ),
    404: problemResponse('No such notice'),
    409: problemResponse(
      'The notice has ended or the entry was withdrawn (notice_closed), or the entry already has many open objections',
    ),
  },
});

const listObjections = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/notices/{id}/objections',
  tags,
  summary: 'Every objection of a notice with its reason, contact and state (the city bureau)',
  request: { params: NoticeParams },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            objectionId: z.string(),
            applicationId: z.string(),
            reason: z.string(),
            contact: z.string(),
            at: z.string(),
            state: z.enum(['open', 'upheld', 'dismissed', 'closed']),
            decidedBy: z.string().optional(),
            decidedAt: z.string().optional(),
            comment: z.string().optional(),
          }),
        ),
      }),
      'The objections, oldest first',
    ),
    403: problemResponse('Not the city bureau'),
    404: problemResponse('No such notice'),
  },
});

const decideObjection = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/notices/{id}/objections/{objectionId}/decision',
  tags,
  summary: 'The city’s check of an objection: upheld rejects the entry, dismissed lets it go on',
  request: {
    params: ObjectionParams,
    body: jsonBody(z.object({ upheld: z.boolean(), comment: z.string().trim().min(1).max(2000) })),
  },
  responses: {
    200: json(z.object({ objectionId: z.string(), state: z.string() }), 'Decided'),
    403: problemResponse('Not the city bureau'),
    409: problemResponse('Already decided (objection_decided)'),
  },
});

const pool = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/pool',
  tags,
  summary: 'The published pool (public), with search; a province’s includes its cities’',
  ...publicRoute,
  request: {
    params: TenantParam,
    query: z.object({
      track: z.string().max(64).optional(),
      category: z.string().max(64).optional(),
      industry: z.string().max(64).optional(),
      region: z.string().max(64).optional(),
      q: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(
          Entry.omit({ applicationId: true, orgName: true }).extend({
            tenant: z.string(),
            uscc: z.string(),
            name: z.string(),
            programId: z.string(),
            listedAt: z.string(),
            /** The member's status: `active`, or `rectifying` under an open order. */
            status: z.enum(MEMBER_STATUSES),
          }),
        ),
      }),
      'Listed providers',
    ),
  },
});

export function publicityRoutes({ publicity, objections, publicityQueries }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(publish, async (c) => {
      const { tenant, claims } = member(c);
      return c.json(noticeView(await publicity.publish(tenant, claims, c.req.valid('json'))), 201);
    })
    .openapi(list, async (c) => {
      const notices = await publicityQueries.notices(scopeOf(c).tenant);
      return c.json({ items: notices.map(noticeView) }, 200);
    })
    .openapi(object, async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const objection = await objections.object(scopeOf(c).tenant, id, input, idempotencyKey(c));
      return c.json({ objectionId: objection.objectionId }, 201);
    })
    .openapi(listObjections, async (c) => {
      const { tenant, claims } = member(c);
      const listed = await objections.objections(tenant, claims, c.req.valid('param').id);
      return c.json({ items: listed.map(objectionView) }, 200);
    })
    .openapi(decideObjection, async (c) => {
      const { id, objectionId } = c.req.valid('param');
      const { tenant, claims } = member(c);
      const input = c.req.valid('json');
      return c.json(await objections.decideObjection(tenant, claims, id, objectionId, input), 200);
    })
    .openapi(pool, async (c) => {
      const entries = await publicityQueries.pool(scopeOf(c).tenant, c.req.valid('query'));
      const items = entries.map(({ applicationId: _id, orgName, listedAt, ...rest }) => ({
        ...rest,
        name: orgName,
        listedAt: formatShanghai(new Date(listedAt)),
      }));
      return c.json({ items }, 200);
    });
}
