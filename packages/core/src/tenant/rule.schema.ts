/**
 * Eligibility rules as data. What data cannot express is a named rule implemented in
 * core and referenced here by id.
 */
import { z } from 'zod';
import {
  CalendarDateSchema,
  IdSchema,
  LocalizedTextSchema,
  SourceSchema,
} from './common.schema.js';

/**
 * How binding a rule is: `required` refuses; `in-principle` (the notice says 原则上)
 * refuses too, leaving exceptions to the bureau; `guiding` (引导性) only flags the
 * application for its reviewers.
 */
export const RuleStrengthSchema = z.enum(['required', 'in-principle', 'guiding']);
export type RuleStrength = z.infer<typeof RuleStrengthSchema>;

const ruleBase = {
  id: IdSchema,
  /** What the applicant is told when the rule fails. */
  message: LocalizedTextSchema,
  /** Only applications in these tracks are checked; all when absent. */
  tracks: z.array(IdSchema).optional(),
  /** Only applications in these categories are checked; all when absent. */
  categories: z.array(IdSchema).optional(),
  /** Only applications whose select field has this value are checked. */
  when: z.strictObject({ field: z.string(), equals: z.string() }).optional(),
  strength: RuleStrengthSchema.default('required'),
  source: SourceSchema,
};

/** Program-defined rules that data can express; named rules are listed in NAMED_RULES. */
export const NAMED_RULES = [
  'not-banned',
  'registered-in-province',
  'independent-legal-person',
] as const;

export const EligibilityRuleSchema = z.discriminatedUnion('kind', [
  /** A number field at least `min` (e.g. revenue ≥ 1 bn CNY). */
  z.strictObject({ ...ruleBase, kind: z.literal('min-value'), field: z.string(), min: z.number() }),
  /** A list field with at least `min` entries (e.g. cases ≥ 3). */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('min-items'),
    field: z.string(),
    min: z.number().int().min(1),
    /**
     * Count separately for each industry applied for, matching this item field
     * ("不少于2项本细分行业案例": two cases in each industry).
     */
    perAppliedIndustry: z.string().optional(),
  }),
  /** A date field on or after `date`. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('min-date'),
    field: z.string(),
    date: CalendarDateSchema,
  }),
  /** At most `max` industries per application. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('max-industries'),
    max: z.number().int().min(1),
  }),
  /** One application per entity (branches and subsidiaries counted as their parent). */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('one-per-entity'),
    per: z.enum(['program', 'track']),
    includeBranches: z.boolean(),
  }),
  /**
   * Which tracks one entity may hold together in a program; any other pair is refused.
   * A pair is unordered.
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('track-combinations'),
    allowed: z.array(z.tuple([IdSchema, IdSchema])),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('named'), rule: z.enum(NAMED_RULES) }),
]);
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;
