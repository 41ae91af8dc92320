/**
 * The closed lists the tenant schemas validate against and the run-time code reads:
 * roles, engagement kinds, evaluation grades, evidence kinds. Plain constants, apart
 * from the zod schemas: the tenants are validated at build time, so a Lambda that
 * checks a role or lists the engagement kinds must not construct every tenant schema
 * at import to get them (issue 13, cold start).
 */

/** Who acts on the platform (DESIGN §1). */
export const ROLES = [
  'provider',
  'enterprise',
  'district_reviewer',
  'expert',
  'city_admin',
  'province_admin',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an engagement registers a provider as doing for an enterprise (API.md
 * "Supervision"): transforming it, or assessing (accepting) its transformation.
 */
export const ENGAGEMENT_KINDS = ['transformation', 'assessment'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** The grades of a yearly evaluation (优秀/良好/合格/不合格), best first. */
export const EVALUATION_GRADES = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

/** What an indicator's evidence is counted from (API.md "Supervision", evaluations). */
export const EVIDENCE_KINDS = ['engagements', 'ratings', 'complaints', 'rectifications'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
