/**
 * @module @sme/platform
 * The use cases: every command and query of applications, review, publicity,
 * organizations, experts and the province, with the access rules, wired in one place
 * by `createPlatform(adapters)`. Knows no HTTP.
 */
export * from './access/access.js';
export { type ClaimNames, type Claims, DEFAULT_CLAIM_NAMES } from './access/claims.js';
export { auditApplication } from './applications/application-audit.js';
export { declarationRefusals } from './applications/document-commands.js';
export { ATTEMPTS, type Backoff } from './cases/backoff.js';
export type { TimerHandler } from './cases/timer-runner.js';
export * from './create-platform.js';
export { needDomains, PROFILE_LIMITS } from './enterprises/enterprise-profiles.js';
export * from './errors.js';
export type {
  ApplicationsQuery,
  ExportColumn,
  ExportTable,
  RecommendationQuery,
} from './exports/export-queries.js';
export type { PilotList, PilotSummary, PilotView } from './pilots/pilot-queries.js';
export type { ByStatus, CategoryCount, ProvinceStats } from './province/province-stats.js';
export type { PoolFilter } from './publicity/publicity-queries.js';
export { settleStage } from './review/settle-stage.js';
export type { ReviewEngine, TimerJob } from './review/timer-jobs.js';
export { MILESTONE_DOCUMENTS } from './supervision/engagement-documents.js';
export { programOf, TenantRegistry } from './tenancy/tenant-registry.js';
