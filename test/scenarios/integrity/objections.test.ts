/**
 * Issue 9, defect 4: every objection can be found and is decided once. Each open
 * objection is a task in the city admin's list, the notice's objections are listed for
 * the city admin only, and of two clerks deciding one at once, one wins and the other
 * gets 409.
 */
import { testApp } from '@sme/api/testing';
import { ATTEMPTS } from '@sme/platform';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client.js';
import { OPEN_AT, uscc } from '../../support/qingdao.js';
import {
  atPublicity,
  type Harness,
  moveClock,
  publishNotice,
  tasksFor,
} from '../../support/review-walk.js';

let harness: Harness;
let refusals: RefusedTransactions;
let cityAdmin: ApiClient;
let otherClerk: ApiClient;
const anyone = () => new ApiClient(harness.app);
const ids = { held: '', contested: '', reposted: '' };
let noticeId = '';

beforeAll(async () => {
  harness = await testApp({
    start: OPEN_AT,
    // Waits of a write retried after a conflict, recorded instead of slept.
    backoff: { random: () => 0.5, sleep: async () => undefined },
  });
  refusals = refuseTransactions(harness.store.clients.dynamodb);
  cityAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });
  otherClerk = await ApiClient.signIn(harness.app, {
    role: 'city_admin',
    tenant: 'qingdao',
    name: '另一位经办人',
  });
  ids.held = (await atPublicity(harness, 94_001, 'laoshan')).id;
  ids.contested = (await atPublicity(harness, 94_002, 'shinan')).id;
  ids.reposted = (await atPublicity(harness, 94_003, 'shinan')).id;
  await moveClock(harness, '2024-02-08T10:00:00+08:00');
  noticeId = (await publishNotice(cityAdmin, [ids.held, ids.contested, ids.reposted])).id;
}, 60_000);

const object = (applicationId: string, reason: string, headers?: Record<string, string>) =>
  anyone().post<{ objectionId: string }>(
    `/api/tenants/qingdao/notices/${noticeId}/objections`,
    { applicationId, reason, contact: '0532-88886666' },
    headers,
  );

type Listed = {
  items: {
    objectionId: string;
    applicationId: string;
    state: string;
    reason: string;
    contact: string;
  }[];
};

describe('an anonymous objection', () => {
  it('is a task in the city admin’s list, and the notice’s objections list it', async () => {
    const filed = await object(ids.held, '该单位服务案例存疑，请核实合同原件。');
    expect(filed.status).toBe(201);
    expect((await tasksFor(cityAdmin, ids.held)).filter((t) => t.kind === 'objection')).toEqual([
      expect.objectContaining({
        kind: 'objection',
        noticeId,
        objectionId: filed.body.objectionId,
        stage: 'publicity',
      }),
    ]);
    const listed = await cityAdmin.get<Listed>(
      `/api/tenants/qingdao/notices/${noticeId}/objections`,
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        objectionId: filed.body.objectionId,
        applicationId: ids.held,
        reason: '该单位服务案例存疑，请核实合同原件。',
        contact: '0532-88886666',
        state: 'open',
      }),
    ]);
    // The objector's contact is for the city admin only.
    expect((await anyone().get(`/api/tenants/qingdao/notices/${noticeId}/objections`)).status).toBe(
      401,
    );
    const provider = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: uscc(94_099),
    });
    expect((await provider.get(`/api/tenants/qingdao/notices/${noticeId}/objections`)).status).toBe(
      403,
    );
  });

  it('is decided once: of two clerks at once, one gets 200 and the other 409', async () => {
    const filed = await object(ids.contested, '该单位与另一申报单位为同一主体。');
    const path = `/api/tenants/qingdao/notices/${noticeId}/objections/${filed.body.objectionId}/decision`;
    const [a, b] = await Promise.all([
      cityAdmin.post(path, { upheld: false, comment: '经核实，异议不成立。' }),
      otherClerk.post(path, { upheld: true, comment: '经核实，异议成立。' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({ code: 'objection_decided' });
    const winner = a.status === 200 ? a : b;
    const state = (winner.body as { state: string }).state;
    const listed = await cityAdmin.get<Listed>(
      `/api/tenants/qingdao/notices/${noticeId}/objections`,
    );
    expect(listed.body.items.find((o) => o.objectionId === filed.body.objectionId)?.state).toBe(
      state,
    );
    expect(
      (await tasksFor(cityAdmin, ids.contested)).filter((t) => t.kind === 'objection'),
    ).toEqual([]);
    await harness.review.settled();
    const status = (
      await cityAdmin.get<{ status: string }>(`/api/tenants/qingdao/applications/${ids.contested}`)
    ).body.status;
    expect(status).toBe(state === 'upheld' ? 'rejected' : 'publicity');
  });

  it('is recorded once when re-posted under one Idempotency-Key, and a changed one is refused', async () => {
    const key = { 'idempotency-key': 'objection-form-94003' };
    const reason = '该单位提交的服务案例与实际不符。';
    const [first, second] = await Promise.all([
      object(ids.reposted, reason, key),
      object(ids.reposted, reason, key),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.objectionId).toBe(first.body.objectionId);
    // Edited after the back button and sent again under the form's key: nothing recorded.
    const changed = await object(ids.reposted, `${reason}另附说明。`, key);
    expect(changed.status).toBe(422);
    expect(changed.body).toMatchObject({ code: 'idempotency_key_reused' });
    const listed = await cityAdmin.get<Listed>(
      `/api/tenants/qingdao/notices/${noticeId}/objections`,
    );
    expect(listed.body.items.filter((o) => o.applicationId === ids.reposted)).toEqual([
      expect.objectContaining({ objectionId: first.body.objectionId, reason, state: 'open' }),
    ]);
    const tasks = (await tasksFor(cityAdmin, ids.reposted)).filter((t) => t.kind === 'objection');
    expect(tasks).toHaveLength(1);
    // The key names one objection of the notice: sent against another entry, it is refused too.
    expect((await object(ids.held, reason, key)).status).toBe(422);
  });

  it('is recorded once after meeting other transactions, and refused as busy after too many', async () => {
    const reason = '合同金额与公示材料不符，请核实。';
    refusals.refuseNext(2, reason);
    const filed = await object(ids.reposted, reason);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const busyReason = '案例企业名称与实际不符，请核实。';
    refusals.refuseNext(ATTEMPTS, busyReason);
    const busy = await object(ids.reposted, busyReason);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ code: 'busy' });
    const listed = await cityAdmin.get<Listed>(
      `/api/tenants/qingdao/notices/${noticeId}/objections`,
    );
    const reasons = listed.body.items.map((o) => o.reason);
    expect(reasons.filter((r) => r === reason)).toHaveLength(1);
    expect(reasons).not.toContain(busyReason);
  });

  it('holds its entry past the end of the notice until decided, then the entry is listed', async () => {
    await moveClock(harness, '2024-02-22T00:00:00+08:00');
    expect(
      (await cityAdmin.get<{ status: string }>(`/api/tenants/qingdao/applications/${ids.held}`))
        .body.status,
    ).toBe('publicity');
    const [open] = (
      await cityAdmin.get<Listed>(`/api/tenants/qingdao/notices/${noticeId}/objections`)
    ).body.items.filter((o) => o.state === 'open' && o.applicationId === ids.held);
    const dismissed = await cityAdmin.post(
      `/api/tenants/qingdao/notices/${noticeId}/objections/${open?.objectionId}/decision`,
      { upheld: false, comment: '合同原件已核验，异议不成立。' },
    );
    expect(dismissed.body).toMatchObject({ state: 'dismissed' });
    await harness.review.settled();
    expect(
      (await cityAdmin.get<{ status: string }>(`/api/tenants/qingdao/applications/${ids.held}`))
        .body.status,
    ).toBe('listed');
  });
});
