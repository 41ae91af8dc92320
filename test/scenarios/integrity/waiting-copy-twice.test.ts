/**
 * Withdrawal closes every open task of the application in one transaction, and each
 * workflow task's write also writes the copy of the task the run waits on: two open
 * workflow tasks (left by a twin run before the copy was kept, whose query missed the
 * task its twin had just opened) would put the copy twice in one transaction, which
 * DynamoDB refuses outright (ValidationException), and the application could never be
 * withdrawn. The copy is written once per transaction.
 */
import { testApp } from '@sme/api/testing';
import { type ReviewTask, taskItem } from '@sme/store';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT } from '../../support/qingdao.js';
import { atDistrictReview, type Harness, reviewerOf, tasksFor } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
const QINGDAO = { tenant: 'qingdao', province: 'shandong' };
let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

describe('an application with two open workflow tasks (from before the copy)', () => {
  it('is withdrawn, both tasks closed', async () => {
    const { id, provider } = await atDistrictReview(harness, 7_501);
    const { tasks } = harness.platform.repositories;
    const [task] = (await tasks.openOf(QINGDAO, id)).filter((t) => t.kind === 'manual');
    expect(task).toBeDefined();
    // The twin's task, written as the code before the copy wrote tasks.
    const twin: ReviewTask = { ...(task as ReviewTask), taskId: `${task?.taskId}-twin` };
    await harness.store.table.put(QINGDAO, taskItem(QINGDAO, twin));
    const reviewer = await reviewerOf(harness, 'laoshan');
    expect(await tasksFor(reviewer, id)).toHaveLength(2);

    const withdrawn = await provider.post<Json>(`${QD}/applications/${id}/withdraw`, {
      reason: '公司战略调整，主动撤回。',
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(await tasksFor(reviewer, id)).toEqual([]);
    expect(await tasks.openAt(QINGDAO, id, 'district-review')).toBeUndefined();
  });
});
