/**
 * Downloads for officials (issue 11 §6): the initial-review recommendation summary
 * (seed 002 附件5) of a district or the whole city, and the applications table, each as
 * Excel or CSV. City administrators export the city, a district reviewer its district.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { APPLICATION_STATUSES } from '@sme/core';
import type { Platform } from '@sme/platform';
import { TenantParam } from '../applications/application.schemas.js';
import { CONTENT_TYPES, exportResponse } from '../exports/spreadsheet.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';

const tags = ['Exports'];
const Id = z.string().min(1).max(64);
const Format = z
  .enum(['xlsx', 'csv'])
  .default('xlsx')
  .openapi({ description: 'Excel (default) or CSV in UTF-8 with a BOM' });

const file = (description: string) => ({
  description: `${description}, as an attachment named in Chinese (Content-Disposition filename*)`,
  content: {
    [CONTENT_TYPES.xlsx]: { schema: z.string().openapi({ format: 'binary' }) },
    'text/csv': { schema: z.string() },
  },
});

const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse(
    'Not staff of this tenant, or a district reviewer asking for another district',
  ),
  404: problemResponse('Unknown tenant or program, or the program has no district review'),
  422: problemResponse('Invalid query, or an unknown district'),
};

export const RecommendationsQuery = z.object({
  programId: Id.openapi({ example: 'dx-providers-2024' }),
  region: Id.optional().openapi({
    description: 'One district; absent, the whole city (a district reviewer gets its own)',
    example: 'laoshan',
  }),
  format: Format,
});

export const ApplicationsExportQuery = z.object({
  programId: Id.optional().openapi({ example: 'dx-providers-2024' }),
  status: z.enum(APPLICATION_STATUSES).optional(),
  format: Format,
});

const recommendations = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/exports/recommendations',
  tags,
  summary: 'The initial-review recommendation summary (初审推荐汇总表) of a district or the city',
  request: { params: TenantParam, query: RecommendationsQuery },
  responses: { 200: file('One row per application the district review passed'), ...errors },
});

const applications = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/exports/applications',
  tags,
  summary: 'The applications table of the caller’s scope (submitted ones)',
  request: { params: TenantParam, query: ApplicationsExportQuery },
  responses: { 200: file('One row per application'), ...errors },
});

export function exportRoutes({ exports, clock }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(recommendations, async (c) => {
      const { tenant, claims } = member(c);
      const { format, ...query } = c.req.valid('query');
      const table = await exports.recommendations(tenant, claims, query);
      return exportResponse(table, format, clock.now());
    })
    .openapi(applications, async (c) => {
      const { tenant, claims } = member(c);
      const { format, ...query } = c.req.valid('query');
      const table = await exports.applications(tenant, claims, query);
      return exportResponse(table, format, clock.now());
    });
}
