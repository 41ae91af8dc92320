/**
 * Concurrent writers on one application: retries with one Idempotency-Key make one
 * submission, and two edits from the same version cannot both win.
 */
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachPdf } from '../support/api-client.js';
import { OPEN_AT, PRODUCT_DOCUMENTS, uscc } from '../support/qingdao.js';
import { draftApplication } from '../support/submitted.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
let n = 8000;

beforeAll(async () => {
  ({ app } = await testApp({ start: OPEN_AT }));
});

async function application(documents: readonly string[] = []) {
  n += 1;
  const { provider: client, id } = await draftApplication(app, uscc(n), {
    name: `并发测试${n}`,
    region: 'chengyang',
  });
  for (const kind of documents) await attachPdf(client, 'qingdao', id, kind);
  return { client, id };
}

describe('concurrent writers', () => {
  it('make one submission and one history event from 50 parallel submits with one key', async () => {
    const { client, id } = await application(PRODUCT_DOCUMENTS);
    const { version } = (
      await client.get<{ version: number }>(`/api/tenants/qingdao/applications/${id}`)
    ).body;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        client.post(`/api/tenants/qingdao/applications/${id}/submit`, undefined, {
          'idempotency-key': 'same-key',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    // Every answer is the one submission (the replays come from the stored record).
    for (const answer of answers) expect(answer.body).toEqual(answers[0]?.body);

    const history = await client.get<{ items: HistoryEvent[] }>(
      `/api/tenants/qingdao/applications/${id}/history`,
    );
    expect(history.body.items.filter((e) => e.to === 'submitted')).toHaveLength(1);
    expect((await client.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'submitted',
      version: version + 1,
    });
  });

  it('let one of two parallel patches with the same If-Match win; the other gets 409 version_conflict', async () => {
    const { client, id } = await application();
    const [a, b] = await Promise.all([
      client.patch(
        `/api/tenants/qingdao/applications/${id}`,
        { fields: { teamSize: 31 } },
        { 'if-match': '"1"' },
      ),
      client.patch(
        `/api/tenants/qingdao/applications/${id}`,
        { fields: { teamSize: 32 } },
        { 'if-match': '"1"' },
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body).toMatchObject({ code: 'version_conflict' });
    const stored = await client.get<{ version: number; fields: { teamSize: number } }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    expect(stored.body.version).toBe(2);
    expect(stored.body.fields.teamSize).toBe(
      (winner.body as { fields: { teamSize: number } }).fields.teamSize,
    );
  });
});
