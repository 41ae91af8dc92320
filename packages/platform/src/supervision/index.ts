/**
 * Supervision of the pool's members (API.md "Supervision"), wired from one set of deps:
 * members, rectification orders with their deadlines, disqualifications and bans,
 * appeals. Every rule is read from the tenant's `supervision` section.
 */
import type { ResolvedTenant } from '@sme/core';
import type { TimerRunner } from '../cases/timer-runner.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';
import { Appeals } from './appeals.js';
import { Disqualifications } from './disqualifications.js';
import { MemberView } from './member-view.js';
import { Members } from './members.js';
import { ProvinceBoardQuery } from './province-board.js';
import { Rectifications } from './rectifications.js';
import type { SupervisionDeps } from './supervision-deps.js';

export function createSupervision(
  deps: SupervisionDeps,
  tenants: ReadonlyMap<string, ResolvedTenant>,
  timers: TimerRunner,
  registry: TenantRegistry,
) {
  const members = new Members(deps);
  const rectifications = new Rectifications(deps, members, tenants);
  timers.register('rectification', rectifications.onTimer);
  return {
    members,
    memberView: new MemberView(deps, members),
    rectifications,
    disqualifications: new Disqualifications(deps, members),
    appeals: new Appeals(deps, members),
    provinceBoard: new ProvinceBoardQuery(deps, registry),
  };
}

export type Supervision = ReturnType<typeof createSupervision>;
