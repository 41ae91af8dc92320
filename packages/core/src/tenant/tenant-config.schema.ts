/**
 * One tenant file: a city or the province, with everything its notices define.
 * Checks that need only the file itself live here; checks across files (the parent,
 * inherited catalogues) live in the resolver.
 */
import { z } from 'zod';
import { YearScheduleSchema } from '../calendar/year-schedule.schema.js';
import { CatalogueSchema, ContactSchema, RegionSchema } from './catalogue.schema.js';
import { IdSchema, LocalizedTextSchema, uniqueList } from './common.schema.js';
import { ProgramSchema } from './program.schema.js';
import { RetentionSchema } from './retention.schema.js';
import { SupervisionSchema } from './supervision.schema.js';

export const TenantConfigSchema = z
  .strictObject({
    id: IdSchema,
    kind: z.enum(['city', 'province']),
    /** A city's province; its catalogue, supervision, retention and calendar are inherited. */
    parent: IdSchema.optional(),
    name: LocalizedTextSchema,
    timeZone: z.literal('Asia/Shanghai'),
    /** The bureau that runs the tenant's calls. */
    authority: LocalizedTextSchema,
    contacts: z.array(ContactSchema).default([]),
    regions: uniqueList(RegionSchema).min(1),
    catalogue: CatalogueSchema.optional(),
    programs: uniqueList(ProgramSchema).default([]),
    supervision: SupervisionSchema.optional(),
    /** How long documents are kept; a city inherits its province's. */
    retention: RetentionSchema.optional(),
    /** Holiday arrangements of years the calendar package does not know yet. */
    workCalendar: uniqueList(YearScheduleSchema, 'year').default([]),
  })
  .superRefine((tenant, ctx) => {
    if (tenant.kind === 'city' && !tenant.parent) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'a city names its province' });
    }
    if (tenant.kind === 'province' && tenant.parent) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'a province has no parent' });
    }
  });

/** A tenant file as written (defaults not yet applied). */
export type TenantFile = z.input<typeof TenantConfigSchema>;
/** A tenant file as parsed. */
export type TenantConfig = z.output<typeof TenantConfigSchema>;
