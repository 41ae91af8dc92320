/**
 * What the use cases share: the repositories, the documents, the engine's releaser,
 * the clock and id generation (all wired by `createPlatform`), and the steps every
 * command starts with (loading, the ban check, the call's window, retrying a write
 * that met a concurrent one).
 */
import {
  type Application,
  acceptsApplications,
  BannedError,
  type Clock,
  formatShanghai,
  type Program,
  type ResolvedTenant,
  VersionConflictError,
  WindowClosedError,
} from '@sme/core';
import {
  type ApplicationRecord,
  type ApplicationRepository,
  type BanRepository,
  type DocumentReadLog,
  type DocumentStore,
  type ExpertRepository,
  type NoticeRepository,
  type OrganizationRepository,
  type PanelRepository,
  type TaskRepository,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { TaskReleaser } from '@sme/workflow';
import { NotFoundError } from '../errors.js';
import { banInForce } from '../organizations/ban-in-force.js';

export interface Services {
  apps: ApplicationRepository;
  orgs: OrganizationRepository;
  bans: BanRepository;
  tasks: TaskRepository;
  panels: PanelRepository;
  experts: ExpertRepository;
  notices: NoticeRepository;
  reads: DocumentReadLog;
  documents: DocumentStore;
  /** Moves a waiting review on (the workflow's task tokens). */
  releaser: TaskReleaser;
  clock: Clock;
  newId(): string;
}

export async function loadApplication(
  services: Services,
  tenant: ResolvedTenant,
  id: string,
): Promise<ApplicationRecord> {
  const record = /^[A-Za-z0-9-]{1,64}$/.test(id)
    ? await services.apps.get(tenantContext(tenant), id)
    : undefined;
  if (!record)
    throw new NotFoundError('application_not_found', { zh: `申报 ${id}`, en: `Application ${id}` });
  return record;
}

/**
 * Refuses an organization banned by the province: itself, or any parent up the chain it
 * declares.
 */
export async function assertNotBanned(
  services: Services,
  tenant: ResolvedTenant,
  uscc: string,
  now: Date,
) {
  const ban = await banInForce(services, tenant, uscc, now);
  if (ban) throw new BannedError(formatShanghai(new Date(ban.until)), ban.reason);
}

/**
 * A draft changes only while its call is open; an application returned for correction
 * is corrected after the deadline (the reviewer asked for it).
 */
export function assertDraftWindow(program: Program, app: Pick<Application, 'status'>, now: Date) {
  if (app.status === 'draft' && !acceptsApplications(program.window, now))
    throw new WindowClosedError(program, now);
}

/** Concurrent writers of one application retry this many times before giving up. */
const ATTEMPTS = 5;

const pause = (attempt: number) =>
  new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 10));

/**
 * Runs a read-decide-write step again when its transaction was refused because the
 * application changed meanwhile (a browser completing several uploads at once); each
 * round re-reads, so every check is made against the state actually written. Gives up
 * with `version_conflict`.
 */
export async function retryOnConflict<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof TransactionRefusedError)) throw error;
      if (attempt + 1 >= ATTEMPTS) throw new VersionConflictError();
      await pause(attempt);
    }
  }
}
