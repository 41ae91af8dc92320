/**
 * An objection names its entry by its place in the notice. Entries taken out before it
 * (those a notice's later transaction left out) move it up between the objection's read
 * and its write: the objection follows the entry and is recorded, where it was refused
 * as if the notice had ended.
 */
import { testApp } from '@sme/api/testing';
import { ATTEMPTS } from '@sme/platform';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client.js';
import { holdTransactions } from '../../support/held-transactions.js';
import { OPEN_AT, PROGRAM } from '../../support/qingdao.js';
import { atPublicity, type Harness, tasksFor } from '../../support/review-walk.js';
import { draftApart, draftsSharingAShard, providerNumbers } from '../../support/shard-twins.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
let refusals: RefusedTransactions;
let holds: ReturnType<typeof holdTransactions>;

beforeAll(async () => {
  harness = await testApp({
    start: OPEN_AT,
    backoff: { random: () => 0.5, sleep: async () => {} },
  });
  refusals = refuseTransactions(harness.store.clients.dynamodb);
  holds = holdTransactions(harness.store.clients.dynamodb);
});

type NoticeBody = { id: string; entries: { applicationId: string }[] };

describe('an objection to an entry that moves up in its notice meanwhile', () => {
  it('is recorded against that entry once, re-posted or not, with one task for the city admin', async () => {
    const next = providerNumbers(1_411);
    const [a, b] = await draftsSharingAShard(harness, next);
    const first = await atPublicity(harness, a);
    const second = await atPublicity(harness, b);
    const third = await atPublicity(harness, await draftApart(harness, next, first));
    const { cityAdmin } = first;
    // Listed first, second, third: the second's transaction gives up, and its entry is
    // taken out once the notice stands, moving the third up from place 2 to 1.
    refusals.refuseNext(0);
    refusals.alsoRefuse(ATTEMPTS, `APP#${second.id}`);
    const takeOut = holds.next('REMOVE entries');
    const publishing = cityAdmin.post<NoticeBody>(`${QD}/notices`, {
      programId: PROGRAM,
      applicationIds: [first.id, second.id, third.id],
    });
    await takeOut.arrived;
    const listed = await cityAdmin.get<{ items: NoticeBody[] }>(`${QD}/notices`);
    const notice = listed.body.items.find((n) =>
      n.entries.some((e) => e.applicationId === third.id),
    );
    expect(notice?.entries.map((e) => e.applicationId)).toEqual([first.id, second.id, third.id]);

    // The objection, sent twice under one key (a re-posted form), reads the third at
    // place 2 both times; the entry moves before either writes.
    const url = `${QD}/notices/${notice?.id}/objections`;
    const form = {
      applicationId: third.id,
      reason: '该单位服务案例存疑，请核实合同原件。',
      contact: '0532-88886666',
    };
    const key = { 'idempotency-key': 'objection-form-1411' };
    const anyone = new ApiClient(harness.app);
    const writes = [holds.next('OBJ#'), holds.next('OBJ#')];
    const objecting = Promise.all([
      anyone.post<{ objectionId: string }>(url, form, key),
      anyone.post<{ objectionId: string }>(url, form, key),
    ]);
    for (const write of writes) await write.arrived;
    takeOut.release();
    const published = await publishing;
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.entries.map((e) => e.applicationId)).toEqual([first.id, third.id]);
    for (const write of writes) write.release();

    const [one, two] = await objecting;
    expect([one.status, two.status], JSON.stringify([one.body, two.body])).toEqual([201, 201]);
    expect(two.body.objectionId).toBe(one.body.objectionId);
    const again = await anyone.post<{ objectionId: string }>(url, form, key);
    expect(again.status).toBe(201);
    expect(again.body.objectionId).toBe(one.body.objectionId);
    const objections = await cityAdmin.get<{
      items: { objectionId: string; applicationId: string }[];
    }>(url);
    expect(objections.body.items).toEqual([
      expect.objectContaining({ objectionId: one.body.objectionId, applicationId: third.id }),
    ]);
    const tasks = await tasksFor(cityAdmin, third.id);
    expect(tasks.filter((t) => t.kind === 'objection')).toHaveLength(1);
  });
});
