/**
 * Review tasks: every point where the workflow waits for people, with the token that
 * releases it. Kept in the application's partition and listed by who must act (role
 * and district), oldest due first.
 */

import { appPk } from '../applications/application-items.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { Page, TenantTable } from '../table/tenant-table.js';

export type TaskState = 'open' | 'done';

export interface ReviewTask {
  taskId: string;
  tenant: string;
  programId: string;
  applicationId: string;
  stage: string;
  /** The stage kind, or `resubmission` while the provider corrects the application. */
  kind: string;
  /** Who acts: a staff role, or the provider for a resubmission. */
  role: string;
  /** The district whose reviewer acts; absent when the whole city (or province) does. */
  region?: string;
  /** The organization that acts, for an applicant's task (a resubmission). */
  org?: string;
  /** The expert who acts, for a scoring task. */
  expertId?: string;
  /** A quota-ranking panel whose experts have all answered: ready for the decision. */
  ready?: boolean;
  /** The publicity notice an application waiting at publicity appears in. */
  noticeId?: string;
  /** The workflow's token: releasing it moves the application on. */
  token: string;
  dueAt?: string;
  state: TaskState;
  createdAt: string;
  outcome?: string;
  decidedBy?: string;
  decidedAt?: string;
}

/**
 * Where a role's open tasks are listed: `T#<t>#TASKS#<role>#<who>`, where who is the
 * district (district reviewers), the organization (applicants), the expert, or `ALL`
 * (city staff).
 */
export const taskListKey = (ctx: TenantContext, role: string, who: string | undefined) =>
  tenantKey(ctx, 'TASKS', role, who ?? 'ALL');

export function taskItem(ctx: TenantContext, task: ReviewTask) {
  return {
    pk: appPk(ctx, task.applicationId),
    sk: `TASK#${task.taskId}`,
    ...task,
    ...(task.state === 'open' && {
      gsi1pk: taskListKey(ctx, task.role, task.region ?? task.org ?? task.expertId),
      gsi1sk: `${task.dueAt ?? '9999'}#${task.taskId}`,
    }),
  };
}

const toTask = ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...task }: Record<string, unknown>) =>
  task as unknown as ReviewTask;

export class TaskRepository {
  constructor(private readonly table: TenantTable) {}

  /** Records a task; the same task id again (a resumed run) only refreshes its token. */
  async open(ctx: TenantContext, task: ReviewTask): Promise<void> {
    await this.table.put(ctx, taskItem(ctx, task));
  }

  async get(
    ctx: TenantContext,
    applicationId: string,
    taskId: string,
  ): Promise<ReviewTask | undefined> {
    const item = await this.table.get(ctx, appPk(ctx, applicationId), `TASK#${taskId}`);
    return item && toTask(item);
  }

  /** The open task of an application at a stage, if there is one. */
  async openAt(
    ctx: TenantContext,
    applicationId: string,
    stage: string,
  ): Promise<ReviewTask | undefined> {
    const { items } = await this.table.query(ctx, appPk(ctx, applicationId), {
      beginsWith: 'TASK#',
      limit: 200,
    });
    return items.map(toTask).find((t) => t.stage === stage && t.state === 'open');
  }

  /** Open tasks of a role (in a district), oldest due first. */
  async listOpen(
    ctx: TenantContext,
    role: string,
    who: string | undefined,
    page: { cursor?: string | undefined; limit?: number } = {},
  ): Promise<Page<ReviewTask>> {
    const result = await this.table.queryIndex(ctx, 'byListing', taskListKey(ctx, role, who), {
      limit: page.limit ?? 50,
      cursor: page.cursor,
    });
    return { ...result, items: result.items.map(toTask) };
  }
}
