/**
 * A member removed from a pool and later listed again: the new listing (through every
 * stage and a public notice) makes it a member again, in the same transaction, and its
 * history names the listing. Before it, the pool keeps the removed member out.
 */
import { testApp } from '@sme/api/testing';
import { type Member, recordCaseChange } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { listMember, supervisorOf } from '../../support/members.js';
import { OPEN_AT, PROGRAM } from '../../support/qingdao.js';
import { atPublicity, moveClock, publishNotice } from '../../support/review-walk.js';

let harness: Awaited<ReturnType<typeof testApp>>;
const QINGDAO = { tenant: 'qingdao', province: 'shandong' };

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

const poolUsccs = async () =>
  (
    (await (await harness.app.request('/api/tenants/qingdao/pool')).json()) as { items: Json[] }
  ).items.map((i) => i.uscc);

/** Removes a member as a disqualification does (Qingdao's notice lists no ground of its own). */
async function removed(uscc: string) {
  await harness.app.request(`/api/tenants/qingdao/members/${uscc}`); // opens its case
  const { members } = harness.platform.repositories.supervision;
  const member = (await members.get(QINGDAO, uscc)) as Member;
  const at = new Date('2024-01-25T02:00:00.000Z');
  const { state, event } = recordCaseChange<Member['status'], Member>({
    previous: member,
    next: { ...member, status: 'removed', removedBy: 'd-1', version: member.version + 1 },
    actor: { sub: 'city-admin', role: 'city_admin' },
    at,
    reason: 'disqualification d-1',
  });
  await members.update(QINGDAO, member, state, event);
}

describe('a removed member listed again', () => {
  it('is a member again from its new listing, its history saying so', async () => {
    const uscc = await listMember(harness, 'qingdao', PROGRAM, 93_001);
    await removed(uscc);
    expect(await poolUsccs()).not.toContain(uscc);

    const { id } = await atPublicity(harness, 93_001);
    await moveClock(harness, '2024-02-08T10:00:00+08:00');
    await publishNotice(await supervisorOf(harness, 'qingdao'), [id]);
    expect(await poolUsccs()).not.toContain(uscc);
    await moveClock(harness, '2024-02-22T00:00:00+08:00');

    expect(await poolUsccs()).toContain(uscc);
    const staff = await supervisorOf(harness, 'qingdao');
    const view = await staff.get<Json & { history: { reason: string }[] }>(
      `/api/tenants/qingdao/members/${uscc}`,
    );
    expect(view.body).toMatchObject({ status: 'active' });
    expect(view.body.history.at(-1)?.reason).toContain(`listed again in ${PROGRAM}`);
    expect(view.body.history.at(-1)?.reason).toContain(id);
    // A whole selection walk: generous on a loaded machine.
  }, 120_000);
});
