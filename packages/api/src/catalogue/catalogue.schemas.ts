/**
 * Response schemas of the catalogue, for validation of the contract in tests and for
 * the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';

const LocalizedText = z.object({ zh: z.string(), en: z.string() }).openapi('LocalizedText');
const Named = z.object({ id: z.string(), name: LocalizedText });

export const TenantSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'qingdao' }),
    kind: z.enum(['city', 'province']),
    parent: z.string().optional(),
    name: LocalizedText,
  })
  .openapi('TenantSummary');

export const ProgramSummarySchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: LocalizedText,
    state: z.enum(['upcoming', 'open', 'closed', 'rolling']),
    opensAt: z.string().optional().openapi({ example: '2024-01-09T00:00:00+08:00' }),
    closesAt: z.string().optional().openapi({ example: '2024-02-01T00:00:00+08:00' }),
  })
  .openapi('ProgramSummary');

export const TenantDetailSchema = TenantSummarySchema.extend({
  authority: LocalizedText,
  contacts: z.array(
    z.object({ department: LocalizedText, phone: z.string(), region: z.string().optional() }),
  ),
  regions: z.array(Named.extend({ kind: z.string() })),
  programs: z.array(ProgramSummarySchema),
}).openapi('TenantDetail');

/** The program's form and review as configured; nested items carry more fields, as in the tenant schema. */
export const ProgramDetailSchema = z
  .object({
    ...ProgramSummarySchema.shape,
    tenant: z.string(),
    applicant: z.enum(['provider', 'enterprise']),
    window: z.object({
      kind: z.enum(['fixed', 'rolling', 'unscheduled']),
      opensAt: z.string().optional(),
      closesAt: z.string().optional(),
      reviewDayOfMonth: z.number().int().optional(),
      source: z.string(),
    }),
    tracks: z.array(
      z.object({ id: z.string(), name: LocalizedText, documents: z.array(z.string()) }),
    ),
    industries: z.array(Named),
    categories: z.array(
      z.object({ id: z.string(), name: LocalizedText, children: z.array(Named) }),
    ),
    fields: z.array(
      z.object({ id: z.string(), type: z.string(), required: z.boolean(), label: LocalizedText }),
    ),
    documents: z.array(
      z.object({
        kind: z.string(),
        required: z.boolean(),
        contentTypes: z.array(z.string()),
        maxBytes: z.number(),
        maxFiles: z.number(),
        label: LocalizedText,
      }),
    ),
    rules: z.array(z.object({ id: z.string(), kind: z.string() })),
    limits: z.array(z.object({ id: z.string(), max: z.number() })),
    stages: z.array(z.object({ id: z.string(), kind: z.string(), name: LocalizedText })),
  })
  .openapi('ProgramDetail');

export const TenantParams = z.object({
  t: z.string().openapi({ param: { name: 't', in: 'path' }, example: 'qingdao' }),
});

export const ProgramParams = TenantParams.extend({
  p: z.string().openapi({ param: { name: 'p', in: 'path' }, example: 'dx-providers-2024' }),
});
