/**
 * Supervision of providers once listed: upkeep, records, evaluation, rectification,
 * disqualification, appeals and bans, each as its notice states it.
 */
import { z } from 'zod';
import {
  ClauseSchema,
  IdSchema,
  LocalizedTextSchema,
  NamedSchema,
  SourceSchema,
  uniqueList,
} from './common.schema.js';
import { RoleSchema } from './stage.schema.js';
import { ENGAGEMENT_KINDS, EVALUATION_GRADES, EVIDENCE_KINDS } from './vocabulary.js';

export const EngagementKindSchema = z.enum(ENGAGEMENT_KINDS);

const PeriodSchema = z.strictObject({
  days: z.number().int().positive(),
  calendar: z.enum(['natural', 'working']),
});

const ruleBase = {
  id: IdSchema,
  name: LocalizedTextSchema,
  /** The programs whose listed providers the rule governs; all when absent. */
  programs: z.array(IdSchema).optional(),
  source: SourceSchema,
};

export const SupervisionRuleSchema = z.discriminatedUnion('kind', [
  /** Keep the pool entry current; yearly by a date, or continuously when absent. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('info-maintenance'),
    yearlyBy: z
      .strictObject({
        month: z.number().int().min(1).max(12),
        day: z.number().int().min(1).max(31),
      })
      .optional(),
    consequence: LocalizedTextSchema,
    /**
     * Days before `yearlyBy` on which the member's inbox reminds it of the update: the
     * platform's choice (issue 12), not a notice's, so a tenant may set its own.
     */
    reminders: z.array(z.number().int().positive()).default([30, 15, 7]),
  }),
  /** Records of each engagement a provider must keep on the platform. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('service-records'),
    records: z.array(NamedSchema).min(1),
  }),
  /** A periodic evaluation with its grades and what follows from them. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('evaluation'),
    period: z.enum(['yearly', 'periodic', 'continuous']),
    by: RoleSchema,
    grades: z
      .array(z.strictObject({ id: z.enum(EVALUATION_GRADES), name: LocalizedTextSchema }))
      .default([]),
    /**
     * The score (0–100, the mean of the indicators' scores) a grade needs; a member
     * below every threshold is `unqualified`. No thresholds: the rule grades nothing.
     */
    thresholds: z
      .array(
        z.strictObject({
          grade: z.enum(EVALUATION_GRADES),
          min: z.number().min(0).max(100),
          source: SourceSchema,
        }),
      )
      .default([]),
    /** The indicators (`supervision.indicators` ids) the rule scores; all of them when absent. */
    indicators: z.array(IdSchema).optional(),
    /** How long the member may comment on its proposed grade before publication. */
    commentWindow: PeriodSchema.extend({ source: SourceSchema }).optional(),
    /** Removal after this many consecutive failing evaluations. */
    removeAfterConsecutiveFailures: z.number().int().min(1).optional(),
    /** A failing grade first requires rectification; failing again removes. */
    rectifyBeforeRemoval: z.boolean().default(false),
    /** The ground of a rectification rule that a failing grade orders (`rectifyBeforeRemoval`). */
    rectificationGround: IdSchema.optional(),
    /** The ground of a disqualification rule that a removal proposal names. */
    removalGround: IdSchema.optional(),
  }),
  /** Spot checks by the role named, within its own area. */
  z.strictObject({ ...ruleBase, kind: z.literal('spot-check'), by: RoleSchema }),
  /** Grounds that require rectification within a time limit. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('rectification'),
    ...PeriodSchema.shape,
    grounds: z.array(ClauseSchema).min(1),
  }),
  /** Grounds that end a provider's place in the pool. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('disqualification'),
    grounds: z.array(ClauseSchema).min(1),
    /** Disqualified after more than this many rectification orders. */
    maxRectifications: z.number().int().min(0).optional(),
    /**
     * The ground a disqualification proposal names when rectification fails: an order
     * overdue or rejected, or one beyond `maxRectifications`. One of `grounds`.
     */
    rectificationGround: IdSchema.optional(),
    publicNotice: z.boolean().default(false),
  }),
  /** What a provider may appeal against, and within how long of the decision (none: while it stands). */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('appeal'),
    grounds: z.array(ClauseSchema).min(1),
    window: PeriodSchema.optional(),
  }),
  /**
   * A bar on applying again: for the year of the finding and the `years` after it
   * (`includesCurrentYear`), or for `years` from the date of revocation.
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('ban'),
    grounds: z.array(ClauseSchema).min(1),
    years: z.number().int().positive(),
    includesCurrentYear: z.boolean(),
    /**
     * Disqualification rules any of whose grounds bans too (a revocation on any ground);
     * the rule's own `grounds` are disqualification grounds that ban.
     */
    onDisqualification: z.array(IdSchema).optional(),
  }),
  /** Changes (name, merger, …) to be filed within a time limit. */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('change-filing'),
    withinMonths: z.number().int().positive(),
  }),
  /**
   * Roles one provider may not combine for one enterprise. Each service names the kind of
   * engagement that registers it, so the platform knows which engagements exclude which.
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('exclusive-services'),
    services: uniqueList(
      NamedSchema.extend({ engagementKind: EngagementKindSchema }),
      'engagementKind',
    ).min(2),
  }),
  /**
   * Complaints of enterprises about a provider: the grounds they may name, and the
   * provider's right of reply, `replyDays` counted from the day after the complaint.
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('complaint'),
    grounds: z.array(ClauseSchema).min(1),
    replyDays: z.number().int().positive(),
    calendar: z.enum(['natural', 'working']),
  }),
  /** A duty stated by the notice that needs a person's judgement, not a computation. */
  z.strictObject({ ...ruleBase, kind: z.literal('duty'), clauses: z.array(ClauseSchema).min(1) }),
]);
export type SupervisionRule = z.infer<typeof SupervisionRuleSchema>;

/** An evaluation indicator (评价指标) with its requirement. */
export const IndicatorSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  requirement: LocalizedTextSchema,
  /** The evidence the indicator shows beside its score; all of it when absent. */
  evidence: z.array(z.enum(EVIDENCE_KINDS)).optional(),
  source: SourceSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * When the province's early-warning board flags a member (issue 12 item 8). No notice
 * sets these numbers; the defaults are the platform's reading until a bureau sets its own.
 */
export const WarningsSchema = z.strictObject({
  /** Complaints about one member within `complaintWindowDays` that make "several". */
  severalComplaints: z.number().int().min(2).default(3),
  complaintWindowDays: z.number().int().positive().default(365),
  /** An engagement with no change for this many days is stalled. */
  stalledAfterDays: z.number().int().positive().default(60),
  source: SourceSchema.default('Platform reading: no notice sets these'),
});

export type Warnings = z.infer<typeof WarningsSchema>;
export const DEFAULT_WARNINGS: Warnings = WarningsSchema.parse({});

export const SupervisionSchema = z.strictObject({
  rules: uniqueList(SupervisionRuleSchema).default([]),
  indicators: uniqueList(IndicatorSchema).default([]),
  warnings: WarningsSchema.default(() => DEFAULT_WARNINGS),
});
export type Supervision = z.infer<typeof SupervisionSchema>;
