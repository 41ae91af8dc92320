/**
 * What supervision is built from, and the two things every command of it needs: who
 * supervises a tenant (its own admin: the city bureau in a city, the province's in the
 * province) and the actor a history event names.
 */
import type { Actor, CaseState, Clock, ResolvedTenant, Role } from '@sme/core';
import {
  type BanRepository,
  type CaseRepository,
  type DocumentStore,
  type EvaluationRepository,
  type ExpertRepository,
  type InboxRepository,
  type NoticeRepository,
  type SupervisionRepository,
  type TaskRepository,
  type TenantContext,
  TransactionRefusedError,
  type TransactOp,
  tenantContext,
} from '@sme/store';
import { assertRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { type Backoff, retryingConflicts } from '../cases/backoff.js';
import { ForbiddenError } from '../errors.js';
import { CaseMovedOnError, SupervisionCaseNotFoundError } from './supervision-errors.js';

export interface SupervisionDeps {
  supervision: SupervisionRepository;
  /** Yearly evaluations, the members' profiles and the reminders of their update. */
  evaluations: EvaluationRepository;
  inbox: InboxRepository;
  /** The expert pool: experts of the evaluating bureau score too. */
  experts: ExpertRepository;
  notices: NoticeRepository;
  bans: BanRepository;
  tasks: TaskRepository;
  /** Where milestone documents are uploaded and verified. */
  documents: DocumentStore;
  clock: Clock;
  /** How a write waits before it tries again after meeting another (injected in tests). */
  backoff: Backoff;
  newId: () => string;
}

/** The role that supervises a tenant's pool. */
export const supervisorRole = (tenant: ResolvedTenant): Role =>
  tenant.kind === 'province' ? 'province_admin' : 'city_admin';

export function isSupervisor(claims: Claims | undefined, tenant: ResolvedTenant): boolean {
  return !!claims && claims.tenant === tenant.id && claims.roles.includes(supervisorRole(tenant));
}

export function assertSupervisor(claims: Claims, tenant: ResolvedTenant): void {
  if (claims.tenant !== tenant.id) {
    throw new ForbiddenError({
      zh: '仅本地主管部门可办理',
      en: "Only the tenant's bureau may do this",
    });
  }
  assertRole(claims, supervisorRole(tenant));
}

export const actorOf = (claims: Claims): Actor => ({
  sub: claims.sub,
  role: claims.roles[0] ?? 'unknown',
});

/** The platform itself, for what the clock does (an order falling overdue). */
export const SYSTEM: Actor = { sub: 'system', role: 'system' };

/**
 * Writes the changes of one or more cases as one transaction; refused because something
 * moved since it was read (another clerk, the clock), it is a 409 naming the case.
 * Refused only because another transaction held one of its items at that instant (real
 * DynamoDB's `TransactionConflict`: two clerks, or a double click's twin), it is tried
 * again after a jittered wait, its conditions unchanged, so what moved meanwhile still
 * refuses it; it gives up with `409 busy`, having written nothing.
 */
export async function writeCases(
  deps: Pick<SupervisionDeps, 'supervision' | 'backoff'>,
  ctx: TenantContext,
  ops: TransactOp[],
  what: { zh: string; en: string },
): Promise<void> {
  try {
    await retryingConflicts(deps.backoff, () => deps.supervision.transact(ctx, ops));
  } catch (error) {
    if (error instanceof TransactionRefusedError) throw new CaseMovedOnError(what);
    throw error;
  }
}

/** A case of the tenant by id, or the 404 that names it as users know it. */
export async function findCase<C extends CaseState>(
  repo: CaseRepository<C>,
  tenant: ResolvedTenant,
  id: string,
  what: { zh: string; en: string },
): Promise<C> {
  const found = await repo.get(tenantContext(tenant), id);
  if (!found) throw new SupervisionCaseNotFoundError(what);
  return found;
}
