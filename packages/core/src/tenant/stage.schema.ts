/**
 * Review stages, in the order a program's notice gives them. The workflow package
 * compiles them into one state machine per program.
 */
import { z } from 'zod';
import {
  CalendarDateSchema,
  IdSchema,
  LocalizedTextSchema,
  NamedSchema,
  SourceSchema,
} from './common.schema.js';
import { ROLES } from './vocabulary.js';

export const RoleSchema = z.enum(ROLES);

/** When a stage's work is due. */
export const DueSchema = z.discriminatedUnion('kind', [
  /** By 24:00 of a calendar date. */
  z.strictObject({ kind: z.literal('date'), by: CalendarDateSchema }),
  /** For rolling calls: a month's applications are due by this day of the next month. */
  z.strictObject({ kind: z.literal('monthly'), dayOfMonth: z.number().int().min(1).max(28) }),
  /** A number of days after the stage starts. */
  z.strictObject({
    kind: z.literal('days'),
    days: z.number().int().positive(),
    calendar: z.enum(['natural', 'working']),
  }),
]);
export type Due = z.infer<typeof DueSchema>;

const stageBase = {
  id: IdSchema,
  name: LocalizedTextSchema,
  source: SourceSchema,
};

export const SCREENING_CHECKS = [
  'completeness',
  'eligibility',
  'duplicate-entity',
  'bans',
] as const;

export const ScreeningStageSchema = z.strictObject({
  ...stageBase,
  kind: z.literal('screening'),
  checks: z.array(z.enum(SCREENING_CHECKS)).min(1),
});

export const ManualStageSchema = z.strictObject({
  ...stageBase,
  kind: z.literal('manual'),
  role: RoleSchema,
  /** `region`: the district of registration; `tenant`: the city; `province`: the province. */
  scope: z.enum(['region', 'tenant', 'province']),
  outcomes: z.array(z.enum(['pass', 'return', 'reject'])).min(1),
  /** The reviewer also inspects the applicant's site (seed 003 第十四条). */
  siteCheck: z.boolean().default(false),
  due: DueSchema.optional(),
  /**
   * The table the stage's reviewers send up with the applications they pass, as the
   * notice names it (seed 002 附件5: 初审推荐汇总表).
   */
  summaryTable: z.strictObject({ title: LocalizedTextSchema, source: SourceSchema }).optional(),
});

export const CriterionSchema = NamedSchema.extend({ max: z.number().positive() });

export const PanelDecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pass-mark'), passMark: z.number().positive() }),
  /** Rank by total score within each group, against the program's track quotas. */
  z.strictObject({
    kind: z.literal('quota-ranking'),
    groupBy: z.array(z.enum(['track', 'industry', 'category', 'region'])).min(1),
    /** Applications under this total are not ranked at all. */
    passMark: z.number().positive().optional(),
  }),
]);

export const PanelStageSchema = z.strictObject({
  ...stageBase,
  kind: z.literal('panel'),
  /** Who convenes the panel and sees its scores. */
  role: RoleSchema,
  scope: z.enum(['tenant', 'province']),
  criteria: z.array(CriterionSchema).min(1),
  /**
   * Whether the criteria's weights come from the notice. A notice that orders an expert
   * review without a rubric gets equal weights here, marked so the bureau confirms them.
   */
  weights: z.enum(['notice', 'platform-default']),
  minExperts: z.number().int().min(1),
  decision: PanelDecisionSchema,
  /** Applicants defend their application before the panel (seed 003 第十五条). */
  defence: z.boolean().default(false),
  due: DueSchema.optional(),
});

export const PublicityStageSchema = z.strictObject({
  ...stageBase,
  kind: z.literal('publicity'),
  role: RoleSchema,
  /**
   * Length in working days; `null` where the notice orders publicity without a length,
   * which then must be set before the program can open.
   */
  workingDays: z.number().int().positive().nullable(),
});

export const PublishStageSchema = z.strictObject({
  ...stageBase,
  kind: z.literal('publish'),
  role: RoleSchema,
});

export const StageSchema = z.discriminatedUnion('kind', [
  ScreeningStageSchema,
  ManualStageSchema,
  PanelStageSchema,
  PublicityStageSchema,
  PublishStageSchema,
]);
export type Stage = z.infer<typeof StageSchema>;
/** The name of a kind of stage (its behaviour is `STAGE_KINDS[kind]`). */
export type StageKindName = Stage['kind'];
