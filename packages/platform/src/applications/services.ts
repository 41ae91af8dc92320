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
  type ItemKey,
  type NoticeRepository,
  type OrganizationRepository,
  type PanelRepository,
  type Standing,
  type Standings,
  standingKeys,
  type TableItem,
  type TaskRepository,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { TaskReleaser } from '@sme/workflow';
import { assertOwner } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { type Backoff, systemBackoff, withBackoff } from '../cases/backoff.js';
import { NotFoundError } from '../errors.js';
import { banInForce } from '../organizations/ban-in-force.js';

export interface Services {
  apps: ApplicationRepository;
  orgs: OrganizationRepository;
  bans: BanRepository;
  /** Profiles and bans of an organization's declared chain, batched with a command's reads. */
  standings: Standings;
  tasks: TaskRepository;
  panels: PanelRepository;
  experts: ExpertRepository;
  notices: NoticeRepository;
  reads: DocumentReadLog;
  documents: DocumentStore;
  /** Moves a waiting review on (the workflow's task tokens). */
  releaser: TaskReleaser;
  clock: Clock;
  /** How writes that met others wait before trying again. */
  backoff: Backoff;
  newId(): string;
}

/** Whether `id` can be an application's: anything else is not found, never a key read. */
export const isApplicationId = (id: string) => /^[A-Za-z0-9-]{1,64}$/.test(id);

export async function loadApplication(
  services: Services,
  tenant: ResolvedTenant,
  id: string,
): Promise<ApplicationRecord> {
  const record = isApplicationId(id)
    ? await services.apps.get(tenantContext(tenant), id)
    : undefined;
  if (!record) throw notFound(id);
  return record;
}

/** Refuses, as not found, an id no application can have, before it names a key. */
export function assertApplicationId(id: string): void {
  if (!isApplicationId(id)) throw notFound(id);
}

/**
 * The application without its documents, and the `extra` items a command needs, in one
 * BatchGetItem: what the review's commands start from.
 */
export async function readApplication(
  services: Services,
  tenant: ResolvedTenant,
  id: string,
  extra: readonly ItemKey[] = [],
): Promise<{ application: Application; items: ReadonlyMap<string, TableItem> }> {
  assertApplicationId(id);
  const { application, items } = await services.apps.applicationWith(
    tenantContext(tenant),
    id,
    extra,
  );
  if (!application) throw notFound(id);
  return { application, items };
}

const notFound = (id: string) =>
  new NotFoundError('application_not_found', { zh: `申报 ${id}`, en: `Application ${id}` });

/**
 * What an owner's write starts from, in two calls: one BatchGetItem of the application,
 * the owner's profile and ban summary and the `extra` items, and the query of the
 * application's documents beside it. Refuses anyone but the owner; the owner's standing
 * is worked out only when asked for (a declared parent costs one more read per level).
 */
export async function loadForOwner(
  services: Services,
  tenant: ResolvedTenant,
  claims: Claims,
  id: string,
  extra: readonly ItemKey[] = [],
): Promise<{
  record: ApplicationRecord;
  items: ReadonlyMap<string, TableItem>;
  standing(now: Date): Promise<Standing>;
}> {
  if (!isApplicationId(id)) throw notFound(id);
  const ctx = tenantContext(tenant);
  // The caller's own organization: if the application is not its, it is refused below.
  const own = claims.org ? standingKeys(ctx, claims.org) : [];
  const { record, items } = await services.apps.getWith(ctx, id, [...own, ...extra]);
  if (!record) throw notFound(id);
  assertOwner(claims, tenant, record.application);
  const uscc = record.application.org.uscc;
  return { record, items, standing: (now) => services.standings.of(ctx, uscc, items, now) };
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
  assertNoBan(await banInForce(services, tenant, uscc, now));
}

/** Refuses with the ban in force found (from an organization's `Standing`), if any. */
export function assertNoBan(ban: { until: string; reason: string } | undefined) {
  if (ban) throw new BannedError(new Date(ban.until), ban.reason);
}

/**
 * A draft changes only while its call is open; an application returned for correction
 * is corrected after the deadline (the reviewer asked for it).
 */
export function assertDraftWindow(program: Program, app: Pick<Application, 'status'>, now: Date) {
  if (app.status === 'draft' && !acceptsApplications(program.window, now))
    throw new WindowClosedError(program, now);
}

/**
 * Runs a read-decide-write step again when its transaction was refused because the
 * application changed meanwhile (a browser completing several uploads at once); each
 * round re-reads, so every check is made against the state actually written. Gives up
 * with `version_conflict`.
 */
export function retryOnConflict<T>(
  step: () => Promise<T>,
  backoff: Backoff = systemBackoff,
): Promise<T> {
  return withBackoff(backoff, step, {
    retryable: (error) => error instanceof TransactionRefusedError,
    giveUp: () => new VersionConflictError(),
  });
}
