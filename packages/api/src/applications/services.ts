/**
 * What the application commands share: the repositories, the clock, id generation,
 * and the steps every command starts with (loading, the ban check).
 */
import { BannedError, type Clock, formatShanghai, type ResolvedTenant } from '@sme/core';
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
