/**
 * Issue 4's walk: a Qingdao application from submission to `listed`, on the compiled
 * state machine. District review by its own district's reviewer, three experts, a
 * notice published 2024-02-08 ending 2024-02-21 24:00, listing on 2024-02-22; and an
 * upheld objection. The clock is moved, never waited on.
 */
import { testApp } from '@sme/api/testing';
import { type HistoryEvent, verifyChain } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { OPEN_AT, PROGRAM } from '../support/qingdao.js';
import { atPublicity, moveClock as moveClockOf } from '../support/review-walk.js';

type Harness = Awaited<ReturnType<typeof testApp>>;
let harness: Harness;
let cityAdmin: ApiClient;
const anyone = () => new ApiClient(harness.app);

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  cityAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });
});

const moveClock = (to: string) => moveClockOf(harness, to);

describe('Qingdao, from submission to the pool', () => {
  const ids = { listed: '', upheld: '', dismissed: '' };
  const providers: Record<string, ApiClient> = {};
  let noticeId = '';
  let heldObjection = '';
  const statusOf = async (key: keyof typeof ids) =>
    (await providers[key]!.get<{ status: string }>(`/api/tenants/qingdao/applications/${ids[key]}`))
      .body.status;

  it('brings three applications to publicity and publishes them on 2024-02-08 until 2024-02-21 24:00', async () => {
    for (const [key, n, region] of [
      ['listed', 40_001, 'laoshan'],
      ['upheld', 40_002, 'shibei'],
      ['dismissed', 40_003, 'chengyang'],
    ] as const) {
      const { id, provider } = await atPublicity(harness, n, region);
      ids[key] = id;
      providers[key] = provider;
    }
    await moveClock('2024-02-08T10:00:00+08:00');
    const notice = await cityAdmin.post<{ id: string; publishedAt: string; endsAt: string }>(
      '/api/tenants/qingdao/notices',
      {
        programId: PROGRAM,
        applicationIds: [ids.listed, ids.upheld, ids.dismissed],
      },
    );
    expect(notice.status).toBe(201);
    expect(notice.body).toMatchObject({
      publishedAt: '2024-02-08T10:00:00+08:00',
      endsAt: '2024-02-22T00:00:00+08:00',
    });
    noticeId = notice.body.id;
    const again = await cityAdmin.post('/api/tenants/qingdao/notices', {
      programId: PROGRAM,
      applicationIds: [ids.listed],
    });
    expect(again.body).toMatchObject({ status: 409, code: 'stale_stage' });
    const published = await anyone().get<{
      items: { id: string; entries: { applicationId: string }[] }[];
    }>('/api/tenants/qingdao/notices');
    expect(
      published.body.items.find((n) => n.id === noticeId)?.entries.map((e) => e.applicationId),
    ).toEqual([ids.listed, ids.upheld, ids.dismissed]);
  });

  it('rejects an entry whose objection the city upholds', async () => {
    const objection = await anyone().post<{ objectionId: string }>(
      `/api/tenants/qingdao/notices/${noticeId}/objections`,
      {
        applicationId: ids.upheld,
        reason: '该单位与已申报的母公司为同一主体，重复参与遴选。',
        contact: '0532-12345678',
      },
    );
    expect(objection.status).toBe(201);
    const upheld = await cityAdmin.post(
      `/api/tenants/qingdao/notices/${noticeId}/objections/${objection.body.objectionId}/decision`,
      {
        upheld: true,
        comment: '经核实异议成立，取消推荐资格。',
      },
    );
    expect(upheld.body).toEqual({ objectionId: objection.body.objectionId, state: 'upheld' });
    await harness.review.settled();
    expect(await statusOf('upheld')).toBe('rejected');

    const held = await anyone().post<{ objectionId: string }>(
      `/api/tenants/qingdao/notices/${noticeId}/objections`,
      {
        applicationId: ids.dismissed,
        reason: '对其案例真实性有疑问，请核实。',
        contact: 'citizen@example.cn',
      },
    );
    heldObjection = held.body.objectionId;
  });

  it('lists nothing at 23:59:59 on 2024-02-21; at 2024-02-22 00:00 lists the entry without objection', async () => {
    expect(await moveClock('2024-02-21T23:59:59+08:00')).toBe(0);
    expect(await statusOf('listed')).toBe('publicity');

    expect(await moveClock('2024-02-22T00:00:00+08:00')).toBe(1);
    expect(await statusOf('listed')).toBe('listed');
    expect(await statusOf('dismissed')).toBe('publicity');
    const late = await anyone().post(`/api/tenants/qingdao/notices/${noticeId}/objections`, {
      applicationId: ids.listed,
      reason: '期满后的异议',
      contact: 'x@y.cn',
    });
    expect(late.body).toMatchObject({ code: 'notice_closed' });

    const pool = await anyone().get<{
      items: { uscc: string; name: string; listedAt: string; industries: string[] }[];
    }>('/api/tenants/qingdao/pool?industry=auto-parts&track=product');
    expect(pool.body.items).toEqual([
      expect.objectContaining({ name: '审核测试公司40001', listedAt: '2024-02-22T00:00:00+08:00' }),
    ]);
    // The province's pool holds every city's, each entry naming its city.
    const provincePool = await anyone().get<{ items: { name: string; tenant: string }[] }>(
      '/api/tenants/shandong/pool?industry=auto-parts&track=product',
    );
    expect(provincePool.status).toBe(200);
    expect(provincePool.body.items).toEqual([
      expect.objectContaining({ name: '审核测试公司40001', tenant: 'qingdao' }),
    ]);
  });

  it('lists the held entry once its objection is dismissed', async () => {
    const dismissed = await cityAdmin.post(
      `/api/tenants/qingdao/notices/${noticeId}/objections/${heldObjection}/decision`,
      {
        upheld: false,
        comment: '经核实案例真实，异议不成立。',
      },
    );
    expect(dismissed.body).toMatchObject({ state: 'dismissed' });
    await harness.review.settled();
    expect(await statusOf('dismissed')).toBe('listed');
    expect(
      (await anyone().get<{ items: unknown[] }>('/api/tenants/qingdao/pool')).body.items,
    ).toHaveLength(2);
  });

  it('keeps a complete, hash-chained history of the listed application', async () => {
    const history = (
      await providers.listed!.get<{ items: HistoryEvent[] }>(
        `/api/tenants/qingdao/applications/${ids.listed}/history`,
      )
    ).body.items;
    expect(
      history
        .filter((e) => e.from !== 'draft' || e.to !== 'draft')
        .map((e) => `${e.from}→${e.to}${e.stage ? `@${e.stage}` : ''}`),
    ).toEqual([
      'null→draft',
      'draft→submitted',
      'submitted→in_review@screening',
      'in_review→in_review@district-review',
      'in_review→in_review@district-review',
      'in_review→in_review@expert-review',
      'in_review→in_review@expert-review',
      'in_review→in_review@publicity',
      'in_review→publicity@publicity',
      'publicity→publicity@publicity',
      'publicity→listed@publish',
    ]);
    expect(history.at(-2)?.at).toBe('2024-02-22T00:00:00.000+08:00');
    expect(verifyChain(history.map((e) => ({ ...e, at: new Date(e.at).toISOString() })))).toBe(
      true,
    );
  });
});
