/**
 * What the application commands share: the repositories, the clock, id generation,
 * and the steps every command starts with (loading, the ban check).
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
  ApplicationRepository,
  BanRepository,
  type DocumentStore,
  ExpertRepository,
  NoticeRepository,
  OrganizationRepository,
  PanelRepository,
  TaskRepository,
  type TenantTable,
  TransactionRefusedError,
} from '@sme/store';
import { contextOf, type TaskReleaser } from '@sme/workflow';
import { NotFoundError } from '../problem/errors.js';

export interface Services {
  apps: ApplicationRepository;
  orgs: OrganizationRepository;
  bans: BanRepository;
  tasks: TaskRepository;
  panels: PanelRepository;
  experts: ExpertRepository;
  notices: NoticeRepository;
  documents: DocumentStore;
  /** Moves a waiting review on (the workflow's task tokens). */
  releaser: TaskReleaser;
  clock: Clock;
  newId(): string;
}

export function createServices(deps: {
  table: TenantTable;
  documents: DocumentStore;
  releaser: TaskReleaser;
  clock: Clock;
  newId: () => string;
}): Services {
  return {
    apps: new ApplicationRepository(deps.table),
    orgs: new OrganizationRepository(deps.table),
    bans: new BanRepository(deps.table),
    tasks: new TaskRepository(deps.table),
    panels: new PanelRepository(deps.table),
    experts: new ExpertRepository(deps.table),
    notices: new NoticeRepository(deps.table),
    documents: deps.documents,
    releaser: deps.releaser,
    clock: deps.clock,
    newId: deps.newId,
  };
}

/** The storage context of a tenant (the workflow's, so both build the same keys). */
export { contextOf };

export async function loadApplication(
  services: Services,
  tenant: ResolvedTenant,
  id: string,
): Promise<ApplicationRecord> {
  const record = /^[A-Za-z0-9-]{1,64}$/.test(id)
    ? await services.apps.get(contextOf(tenant), id)
    : undefined;
  if (!record)
    throw new NotFoundError('application_not_found', { zh: `申报 ${id}`, en: `Application ${id}` });
  return record;
}

/** Refuses an organization banned by the province, itself or the entity it belongs to. */
export async function assertNotBanned(
  services: Services,
  tenant: ResolvedTenant,
  usccs: string[],
  now: Date,
) {
  const ban = await services.bans.inForce(contextOf(tenant), usccs, now);
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
