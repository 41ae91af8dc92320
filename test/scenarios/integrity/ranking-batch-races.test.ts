/**
 * Two convenors deciding overlapping groups from the ranking at once, passes and rejects
 * mixed: each application decided once, one decision event, one release recorded per
 * decided task, counters equal to a recount, and each answer's `skipped` exactly the
 * applications it did not decide.
 */
import { testApp } from '@sme/api/testing';
import { APPLICATION_STATUSES, type HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json } from '../../support/api-client.js';
import { OPEN_AT, PROGRAM, QINGDAO_CTX } from '../../support/qingdao.js';
import { atPanel, cityAdminOf, type Harness, scoreAll } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
const DECISION = `${QD}/programs/${PROGRAM}/ranking/decision`;
let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

async function recount(): Promise<Record<string, number>> {
  const { apps } = harness.platform.repositories;
  const counts: Record<string, number> = {};
  for (const status of APPLICATION_STATUSES) {
    let n = 0;
    let cursor: string | undefined;
    do {
      const page = await apps.list(
        QINGDAO_CTX,
        { programId: PROGRAM, status },
        { cursor, limit: 100 },
      );
      n += page.items.length;
      cursor = page.next;
    } while (cursor);
    counts[status] = n;
  }
  return counts;
}

async function counters() {
  const province = await ApiClient.signIn(harness.app, {
    role: 'province_admin',
    tenant: 'shandong',
  });
  const s = await province.get<{
    tenants: {
      tenant: string;
      programs: { programId: string; byStatus: Record<string, number> }[];
    }[];
  }>('/api/tenants/shandong/stats');
  const by =
    s.body.tenants
      .find((t) => t.tenant === 'qingdao')
      ?.programs.find((p) => p.programId === PROGRAM)?.byStatus ?? {};
  return Object.fromEntries(APPLICATION_STATUSES.map((st) => [st, by[st] ?? 0]));
}

describe('two convenors deciding overlapping groups at once', () => {
  it('decides each once, records one release each, and keeps counters equal to a recount', async () => {
    const walks = [];
    for (let n = 0; n < 8; n += 1) {
      const w = await atPanel(harness, 66_001 + n);
      await scoreAll(harness, w.id);
      walks.push(w);
    }
    const ids = walks.map((w) => w.id);
    const one = await cityAdminOf(harness);
    const two = await cityAdminOf(harness);
    const [a, b] = await Promise.all([
      one.post<Json>(DECISION, {
        stage: 'expert-review',
        pass: ids.slice(0, 3),
        reject: ids.slice(3, 6),
        comment: 'BY-ONE',
      }),
      two.post<Json>(DECISION, {
        stage: 'expert-review',
        pass: [ids[3]!, ids[6]!],
        reject: [ids[0]!, ids[1]!, ids[7]!],
        comment: 'BY-TWO',
      }),
    ]);
    await harness.review.settled();
    const byOne = new Set<string>();
    const byTwo = new Set<string>();
    for (const w of walks) {
      const h = await w.provider.get<{ items: HistoryEvent[] }>(
        `${QD}/applications/${w.id}/history`,
      );
      const ds = h.body.items.filter((e) => e.reason === 'BY-ONE' || e.reason === 'BY-TWO');
      // Sent by both, it is decided by one; by one, by that one unless its batch was refused.
      expect(ds.length, w.id).toBeLessThanOrEqual(1);
      for (const d of ds) (d.reason === 'BY-ONE' ? byOne : byTwo).add(w.id);
    }
    for (const [answer, set, sent] of [
      [a, byOne, ids.slice(0, 6)],
      [b, byTwo, [ids[3]!, ids[6]!, ids[0]!, ids[1]!, ids[7]!]],
    ] as const) {
      if (answer.status === 200) {
        expect(answer.body.decided).toBe(set.size);
        expect(((answer.body.skipped as string[] | undefined) ?? []).sort()).toEqual(
          sent.filter((id) => !set.has(id)).sort(),
        );
      } else expect(set.size).toBe(0);
    }
    const releases = await harness.platform.repositories.apps.pendingReleases(QINGDAO_CTX, 100);
    for (const id of ids)
      expect(
        releases.filter((r) => r.applicationId === id && r.taskId.startsWith('expert-review'))
          .length,
        id,
      ).toBe(byOne.has(id) || byTwo.has(id) ? 1 : 0);
    expect(await counters()).toEqual(await recount());
  });
});
