/**
 * @module @sme/store
 * Persistence: the single DynamoDB table and the S3 documents bucket, through the AWS
 * SDK v3. The same code runs against DynamoDB Local and the local S3 and against AWS.
 */

export * from './applications/application.repository.js';
export * from './applications/change-extras.js';
export * from './applications/document-read-log.js';
export type { Handoff, PendingRelease } from './applications/review-outbox.js';
export * from './applications/review-outbox.repository.js';
export * from './applications/submit-idempotency.js';
export * from './cases/case.repository.js';
export * from './cases/case-counters.js';
export * from './cases/case-layout.js';
export * from './cases/outbox.js';
export * from './cases/timer.repository.js';
export * from './clients.js';
export * from './documents/document-store.js';
export * from './documents/object-key.js';
export * from './enterprises/enterprise.repository.js';
export * from './errors.js';
export * from './inbox/inbox.repository.js';
export * from './organizations/ban.repository.js';
export * from './organizations/organization.repository.js';
export * from './organizations/standing.js';
export * from './panels/expert.repository.js';
export * from './panels/panel.repository.js';
export * from './pilots/pilot.repository.js';
export * from './publicity/notice.repository.js';
export * from './readiness.js';
export * from './supervision/evaluation.repository.js';
export * from './supervision/supervision.repository.js';
export * from './table/cursor.js';
export * from './table/ensure-table.js';
export * from './table/keys.js';
export * from './table/packed-writes.js';
export * from './table/table-definition.js';
export * from './table/tenant-context.js';
export * from './table/tenant-table.js';
export * from './table/transaction.js';
export * from './table/transaction-packing.js';
export * from './tasks/task.repository.js';
