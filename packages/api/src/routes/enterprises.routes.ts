/**
 * Pilot enterprises' own records (API.md "Pilot enterprises"): the enterprise's profile
 * with its needs, its file (一企一档) and the members matched to its needs, for itself and
 * the staff of its district.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import { OrgParams, TenantParam } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';

const tags = ['Pilot enterprises'];
const Id = z.string().min(1).max(64);

const Need = z.object({
  domain: Id.openapi({
    description: "A category or industry of the tenant's provider catalogue",
    example: 'smart-equipment',
  }),
  description: z.string().trim().min(1).max(2000),
});

const EnterpriseBody = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: '济南某机械制造有限公司' }),
    region: Id.openapi({ example: 'lixia' }),
    kinds: z
      .array(Id)
      .max(10)
      .default([])
      .openapi({ example: ['specialised'] }),
    needs: z.array(Need).max(20).default([]),
  })
  .openapi('EnterpriseInput');

const Profile = z
  .object({
    uscc: z.string(),
    name: z.string(),
    region: z.string(),
    kinds: z.array(z.string()),
    needs: z.array(Need),
    updatedAt: z.string(),
  })
  .openapi('EnterpriseProfile');

const File = z
  .object({
    uscc: z.string(),
    name: z.string().optional(),
    region: z.string().optional(),
    kinds: z.array(z.string()),
    needs: z.array(Need),
    updatedAt: z.string().optional(),
    pilots: z.array(
      z.object({
        programId: z.string(),
        applicationId: z.string(),
        listedAt: z.string(),
        needs: z.string(),
      }),
    ),
    engagements: z.array(
      z.object({
        id: z.string(),
        provider: z.object({ uscc: z.string(), name: z.string() }),
        kind: z.string(),
        title: z.string(),
        contractSignedAt: z.string(),
        amount: z.number().optional(),
        status: z.string(),
        milestones: z.array(
          z.object({
            kind: z.string(),
            summary: z.string(),
            at: z.string(),
            confirmedAt: z.string().optional(),
          }),
        ),
        rating: z
          .object({ satisfaction: z.string(), comment: z.string(), at: z.string() })
          .optional(),
      }),
    ),
  })
  .openapi('EnterpriseFile');

const save = createRoute({
  method: 'put',
  path: '/api/tenants/{t}/enterprises/{uscc}',
  tags,
  summary: 'The enterprise records its profile and its digital-transformation needs',
  request: { params: OrgParams, body: jsonBody(EnterpriseBody) },
  responses: {
    200: json(Profile, 'Saved'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not an enterprise acting for this USCC'),
    409: problemResponse('Other changes kept landing at that instant (busy): send it again'),
    422: problemResponse(
      'Invalid USCC (invalid_uscc), region (unknown_region) or need domain (unknown_domain)',
    ),
  },
});

const file = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/enterprises/{uscc}/file',
  tags,
  summary:
    'One file per enterprise (一企一档): needs, pilot listings, engagements, milestones, ratings',
  request: { params: OrgParams },
  responses: {
    200: json(File, 'The file'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Neither the enterprise nor staff whose scope covers its district'),
    404: problemResponse('Staff asking for an enterprise the tenant knows nothing of'),
    422: problemResponse('Not a valid USCC (invalid_uscc)'),
  },
});

const Reason = z.object({ zh: z.string(), en: z.string() });

const matches = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/matches',
  tags,
  summary:
    "The pool's members ranked for an enterprise's needs (category, industry, district, grade, ratings), each with the reasons of its rank",
  request: {
    params: TenantParam,
    query: z.object({ enterprise: z.string().openapi({ example: '91370102MA3C000000' }) }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            uscc: z.string(),
            name: z.string(),
            status: z.string(),
            score: z.number(),
            grade: z.object({ year: z.number().int(), grade: z.string() }).optional(),
            reasons: z.array(Reason),
          }),
        ),
      }),
      'Best first; none until the enterprise records its needs',
    ),
    401: problemResponse('Not signed in'),
    403: problemResponse('Neither the enterprise nor staff whose scope covers its district'),
    422: problemResponse('Not a valid USCC (invalid_uscc)'),
  },
});

export function enterpriseRoutes({ enterpriseProfiles, enterpriseFiles, matchmaking }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(save, async (c) => {
      const { uscc } = c.req.valid('param');
      const { tenant, claims } = member(c);
      const saved = await enterpriseProfiles.save(tenant, claims, uscc, c.req.valid('json'));
      const { revision: _revision, updatedBy: _by, ...profile } = saved;
      return c.json(profile, 200);
    })
    .openapi(file, async (c) => {
      const { uscc } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await enterpriseFiles.read(tenant, claims, uscc), 200);
    })
    .openapi(matches, async (c) => {
      const { enterprise } = c.req.valid('query');
      const { tenant, claims } = member(c);
      return c.json({ items: await matchmaking.matches(tenant, claims, enterprise) }, 200);
    });
}
