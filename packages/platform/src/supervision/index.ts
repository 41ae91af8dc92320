/**
 * Supervision of the pool's members (API.md "Supervision"), wired from one set of deps:
 * members, rectification orders with their deadlines, disqualifications and bans,
 * appeals, engagements with their milestones, complaints and spot checks, the yearly
 * update with its reminders, and the yearly evaluation. Every rule
 * is read from the tenant's `supervision` section.
 */
import type { ResolvedTenant } from '@sme/core';
import type { TimerRunner } from '../cases/timer-runner.js';
import { Inbox } from '../inbox/inbox.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';
import { Appeals } from './appeals.js';
import { ComplaintReads } from './complaint-reads.js';
import { Complaints } from './complaints.js';
import { Disqualifications } from './disqualifications.js';
import { EngagementConfirmations } from './engagement-confirmations.js';
import { EngagementDocuments } from './engagement-documents.js';
import { EngagementReads } from './engagement-reads.js';
import { Engagements } from './engagements.js';
import { EvaluationPublisher } from './evaluation-publish.js';
import { Evaluations } from './evaluations.js';
import { MemberView } from './member-view.js';
import { Members } from './members.js';
import { ProvinceBoardQuery } from './province-board.js';
import { Rectifications } from './rectifications.js';
import { SpotChecks } from './spot-checks.js';
import type { SupervisionDeps } from './supervision-deps.js';
import { YearlyUpdateReminders } from './update-reminders.js';
import { YearlyUpdates } from './yearly-updates.js';

export function createSupervision(
  deps: SupervisionDeps,
  tenants: ReadonlyMap<string, ResolvedTenant>,
  timers: TimerRunner,
  registry: TenantRegistry,
) {
  const members = new Members(deps);
  const rectifications = new Rectifications(deps, members, tenants);
  timers.register('rectification', rectifications.onTimer);
  const engagements = new Engagements(deps, members);
  const complaints = new Complaints(deps, members, rectifications, tenants);
  timers.register('complaint', complaints.onTimer);
  const reminders = new YearlyUpdateReminders(deps, tenants);
  timers.plan(reminders.plan);
  timers.register('update-reminders', reminders.onTimer);
  const evaluations = new Evaluations(deps);
  const publisher = new EvaluationPublisher(deps, evaluations, members, rectifications, tenants);
  timers.register('evaluation', publisher.onTimer);
  return {
    members,
    memberView: new MemberView(deps, members),
    rectifications,
    disqualifications: new Disqualifications(deps, members),
    appeals: new Appeals(deps, members),
    provinceBoard: new ProvinceBoardQuery(deps, registry),
    engagements,
    engagementConfirmations: new EngagementConfirmations(deps, engagements),
    engagementDocuments: new EngagementDocuments(deps, engagements, members),
    engagementReads: new EngagementReads(deps, engagements, members),
    complaints,
    complaintReads: new ComplaintReads(deps),
    spotChecks: new SpotChecks(deps, members),
    yearlyUpdates: new YearlyUpdates(deps, members),
    inbox: new Inbox(deps),
    evaluations,
    evaluationPublisher: publisher,
  };
}

export type Supervision = ReturnType<typeof createSupervision>;
