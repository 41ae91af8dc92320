/**
 * Withdrawing an application (API.md: owner, before listing). In one transaction with
 * the new status: every open task of the application is closed (its review, the
 * experts' scoring, the checks of objections), the review run's waiting token is
 * released so the run ends, its entry in a running notice is marked withdrawn, open
 * objections against it end, and its claims are given back. Nothing can later move a
 * withdrawn application on: the workflow ends its run, and every automatic transition
 * checks the state it expects.
 */
import { assertTransition, type ResolvedTenant, recordChange } from '@sme/core';
import {
  type ApplicationRecord,
  type ChangeExtras,
  objectionsEnded,
  type ReviewTask,
  tenantContext,
  WORKFLOW_KINDS,
} from '@sme/store';
import { ENDED } from '@sme/workflow';
import { assertOwner } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { sendRelease } from '../review/send-release.js';
import { programOf } from '../tenancy/tenant-registry.js';
import { claimsFor } from './entity-claims.js';
import { loadApplication, retryOnConflict, type Services } from './services.js';

export class Withdrawal {
  constructor(private readonly services: Services) {}

  async withdraw(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    reason: string | undefined,
  ): Promise<ApplicationRecord> {
    // Whatever slips in between the reads and the write (a task, an objection) refuses
    // the write, which is made again on what is there now.
    return retryOnConflict(() => this.withdrawOnce(tenant, claims, id, reason));
  }

  private async withdrawOnce(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    reason: string | undefined,
  ): Promise<ApplicationRecord> {
    const { apps, tasks, clock } = this.services;
    const ctx = tenantContext(tenant);
    const record = await loadApplication(this.services, tenant, id);
    const app = record.application;
    assertOwner(claims, tenant, app);
    assertTransition(app.status, 'withdrawn');
    const program = programOf(tenant, app.programId);
    const now = clock.now();
    const at = now.toISOString();

    const open = await tasks.openOf(ctx, app.id);
    const closed = open.map(
      (task): ReviewTask => ({
        ...task,
        state: 'closed',
        // A run waiting on the task ends; other work simply lapses.
        outcome: WORKFLOW_KINDS.has(task.kind) ? ENDED : 'withdrawn',
        decidedBy: claims.sub,
        decidedAt: at,
      }),
    );
    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: claims.sub, role: program.applicant },
      at: now,
      reason: reason ?? '申报单位撤回 / withdrawn by the applicant',
      next: { ...app, status: 'withdrawn', version: app.version + 1, updatedAt: at },
    });
    const extras: ChangeExtras = {
      releases: app.status === 'draft' ? [] : claimsFor(program, app),
      updateTasks: closed,
      ...(await this.noticeExtras(tenant, open, app.id, claims.sub, at)),
    };
    await apps.update(ctx, app, next, event, extras);
    for (const task of closed) {
      if (!task.token || !WORKFLOW_KINDS.has(task.kind)) continue;
      await sendRelease(this.services, ctx, {
        applicationId: app.id,
        taskId: task.taskId,
        token: task.token,
        outcome: ENDED,
        at,
      });
    }
    return { ...record, application: next };
  }

  /** The entry in a running notice, and the objections against it, end with the application. */
  private async noticeExtras(
    tenant: ResolvedTenant,
    open: ReviewTask[],
    applicationId: string,
    by: string,
    at: string,
  ): Promise<Pick<ChangeExtras, 'withdrawnFromNotice' | 'objections' | 'ops'>> {
    const noticeId = open.find((t) => t.kind === 'publicity' && t.noticeId)?.noticeId;
    if (!noticeId) return {};
    const ctx = tenantContext(tenant);
    const notice = await this.services.notices.get(ctx, noticeId);
    const index = notice?.entries.findIndex((e) => e.applicationId === applicationId) ?? -1;
    if (!notice || index < 0) return {};
    const objections = (await this.services.notices.objections(ctx, noticeId))
      .filter((o) => o.applicationId === applicationId && o.state === 'open')
      .map((o) => ({
        ...o,
        state: 'closed' as const,
        decidedBy: by,
        decidedAt: at,
        comment: '申报已撤回 / the application was withdrawn',
      }));
    return {
      withdrawnFromNotice: { noticeId, index },
      objections,
      // Refused if an objection was filed after they were read: the retry ends it too.
      ops: [objectionsEnded(ctx, noticeId, applicationId, objections.length)],
    };
  }
}
