/**
 * A call (申报通知): who applies, when, in which tracks, with which form, documents,
 * rules and review stages.
 */
import { z } from 'zod';
import {
  CalendarDateSchema,
  ClauseSchema,
  IdSchema,
  LocalizedTextSchema,
  RangeSchema,
  SourceSchema,
  uniqueList,
} from './common.schema.js';
import { DocumentSpecSchema, FieldSpecSchema } from './form.schema.js';
import { EligibilityRuleSchema, RuleStrengthSchema } from './rule.schema.js';
import { RoleSchema, StageSchema } from './stage.schema.js';

export const PROGRAM_KINDS = [
  'provider-selection',
  'rolling-provider-pool',
  'pilot-enterprise',
  'promotion-centre',
] as const;

export const WindowSchema = z.discriminatedUnion('kind', [
  /**
   * A call with a closing date: open from 00:00 of `opensOn` (or from publication, when
   * the notice gives no date) until 24:00 of `closesBy`, exclusive.
   */
  z
    .strictObject({
      kind: z.literal('fixed'),
      opensOn: CalendarDateSchema.optional(),
      closesBy: CalendarDateSchema,
      source: SourceSchema,
    })
    .refine((w) => !w.opensOn || w.opensOn <= w.closesBy, {
      path: ['closesBy'],
      message: 'the deadline is before the opening date',
    }),
  /** Open all year, reviewed in monthly batches. */
  z.strictObject({
    kind: z.literal('rolling'),
    /** Absent when the notice opens the call without a date (常年开放). */
    opensOn: CalendarDateSchema.optional(),
    /** A month's applications are reviewed by this day of the next month. */
    reviewDayOfMonth: z.number().int().min(1).max(28),
    source: SourceSchema,
  }),
  /** A recurring call whose dates each year's notice sets; not open until they are. */
  z.strictObject({ kind: z.literal('unscheduled'), source: SourceSchema }),
]);
export type Window = z.infer<typeof WindowSchema>;

export const TrackSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** How many providers the call means to select: per industry, or in all. */
  quota: z.strictObject({ per: z.enum(['industry', 'program']), range: RangeSchema }).optional(),
  /** Track-specific conditions, in the notice's words. */
  conditions: z.array(ClauseSchema).default([]),
  source: SourceSchema,
});
export type Track = z.infer<typeof TrackSchema>;

/**
 * At most `max` listed applications for each combination of the named dimensions
 * (e.g. one promotion centre per region and industry, seed 003 第十五条).
 */
export const LimitSchema = z.strictObject({
  id: IdSchema,
  per: z.array(z.enum(['region', 'industry', 'track'])).min(1),
  max: z.number().int().min(1),
  strength: RuleStrengthSchema,
  message: LocalizedTextSchema,
  source: SourceSchema,
});

/** A deadline for staff that is not a review stage (e.g. naming a liaison). */
export const MilestoneSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  role: RoleSchema,
  by: CalendarDateSchema,
  source: SourceSchema,
});

export const ProgramSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(PROGRAM_KINDS),
  title: LocalizedTextSchema,
  /** Who applies. */
  applicant: z.enum(['provider', 'enterprise']),
  source: SourceSchema,
  window: WindowSchema,
  /** Applicants choose a region; the `elsewhere` region is offered only when true. */
  allowsRegisteredElsewhere: z.boolean().default(false),
  tracks: uniqueList(TrackSchema).default([]),
  /** Industry ids from the catalogue this call covers; empty means not by industry. */
  industries: z.array(IdSchema).default([]),
  /** Category ids from the catalogue this call covers; empty means not by category. */
  categories: z.array(IdSchema).default([]),
  /** Conditions every applicant must meet, in the notice's words. */
  conditions: z.array(ClauseSchema).default([]),
  fields: uniqueList(FieldSpecSchema).default([]),
  documents: uniqueList(DocumentSpecSchema, 'kind').default([]),
  rules: uniqueList(EligibilityRuleSchema).default([]),
  limits: uniqueList(LimitSchema).default([]),
  stages: uniqueList(StageSchema).min(1),
  milestones: uniqueList(MilestoneSchema).default([]),
});
export type Program = z.infer<typeof ProgramSchema>;
