/**
 * Writes of many applications at once, a notice and the convenor's decision from the
 * ranking, go in as few transactions as hold them (the notice with the first): one per
 * layer of applications whose counters share no shard (a transaction may touch an item
 * only once). An application withdrawn while the notice is being written is left out
 * of it, and the rest enter.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { shardOf } from '@sme/store';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../support/api-client.js';
import { holdTransactions } from '../../support/held-transactions.js';
import { OPEN_AT, PROGRAM } from '../../support/qingdao.js';
import { atPanel, atPublicity, type Harness, scoreAll } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
/** What every application entering a notice writes in its history. */
const ENTERED = '列入公示';
let harness: Harness;
/** The DynamoDB commands a counted request sends, by name. */
const counted = new AsyncLocalStorage<string[]>();
let holds: ReturnType<typeof holdTransactions>;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  harness.store.clients.dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      counted.getStore()?.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'count' },
  );
  holds = holdTransactions(harness.store.clients.dynamodb);
});

async function waitingAtPublicity(first: number, count: number) {
  const walks: Awaited<ReturnType<typeof atPublicity>>[] = [];
  for (let n = first; n < first + count; n += 1) walks.push(await atPublicity(harness, n));
  return walks;
}

const publish = (cityAdmin: ApiClient, applicationIds: string[]) =>
  cityAdmin.post<{ id: string; entries: { applicationId: string }[] }>(`${QD}/notices`, {
    programId: PROGRAM,
    applicationIds,
  });

async function statusOf(provider: ApiClient, id: string) {
  const app = await provider.get<{ status: string }>(`${QD}/applications/${id}`);
  const history = await provider.get<{ items: HistoryEvent[] }>(`${QD}/applications/${id}/history`);
  return {
    status: app.body.status,
    entered: history.body.items.filter((e) => e.reason?.startsWith(ENTERED)).length,
  };
}

/** The most of these applications whose counters share one shard. */
function mostInOneShard(ids: readonly string[]): number {
  const perShard = new Map<number, number>();
  for (const id of ids) perShard.set(shardOf(id), (perShard.get(shardOf(id)) ?? 0) + 1);
  return Math.max(...perShard.values());
}

describe('a notice of many applications', () => {
  it('is one read and one transaction per layer of applications sharing a counter shard', async () => {
    const walks = await waitingAtPublicity(971, 5);
    const ids = walks.map((w) => w.id);
    const sent: string[] = [];
    const notice = await counted.run(sent, () => publish(walks[0]!.cityAdmin, ids));
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    expect(notice.body.entries.map((e) => e.applicationId)).toEqual(ids);
    const layers = mostInOneShard(ids);
    expect(sent, sent.join(', ')).toEqual([
      'BatchGetItemCommand',
      ...Array.from({ length: layers }, () => 'TransactWriteItemsCommand'),
    ]);
    for (const { provider, id } of walks)
      expect(await statusOf(provider, id)).toEqual({ status: 'publicity', entered: 1 });
  });

  it('leaves out an application withdrawn while it is written; the rest enter, written again', async () => {
    const walks = await waitingAtPublicity(981, 3);
    const ids = walks.map((w) => w.id);
    // The first listed is always in the first transaction, the one held: refused, it is
    // written again without it, and no entry has to be taken out afterwards.
    const [withdrawn, kept, other] = walks;
    const written = holds.next(ENTERED);
    const sent: string[] = [];
    const publishing = counted.run(sent, () => publish(kept!.cityAdmin, ids));
    await written.arrived;
    const answer = await withdrawn!.provider.post(`${QD}/applications/${withdrawn!.id}/withdraw`, {
      reason: '公司战略调整，主动撤回。',
    });
    expect(answer.status).toBe(200);
    written.release();
    const notice = await publishing;
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    expect(notice.body.entries.map((e) => e.applicationId)).toEqual([kept!.id, other!.id]);
    // The transaction holding the withdrawn application was refused once, then written
    // again without it.
    expect(sent, sent.join(', ')).toEqual([
      'BatchGetItemCommand',
      ...Array.from({ length: mostInOneShard(ids) + 1 }, () => 'TransactWriteItemsCommand'),
    ]);
    const listed = await kept!.cityAdmin.get<{
      items: { id: string; entries: { applicationId: string }[] }[];
    }>(`${QD}/notices`);
    const stored = listed.body.items.find((n) => n.id === notice.body.id);
    expect(stored?.entries.map((e) => e.applicationId)).toEqual([kept!.id, other!.id]);
    expect(await statusOf(withdrawn!.provider, withdrawn!.id)).toEqual({
      status: 'withdrawn',
      entered: 0,
    });
    for (const { provider, id } of [kept!, other!])
      expect(await statusOf(provider, id)).toEqual({ status: 'publicity', entered: 1 });
  });
});

describe('the convenor’s decision from the ranking for many applications', () => {
  it('passing them all is one read and one transaction: no counter moves, nothing is shared', async () => {
    const walks: Awaited<ReturnType<typeof atPanel>>[] = [];
    for (let n = 991; n < 995; n += 1) {
      const walk = await atPanel(harness, n);
      await scoreAll(harness, walk.id);
      walks.push(walk);
    }
    await harness.review.settled();
    const ids = walks.map((w) => w.id);
    const sent: string[] = [];
    const decided = await counted.run(sent, () =>
      walks[0]!.cityAdmin.post(`${QD}/programs/${PROGRAM}/ranking/decision`, {
        stage: 'expert-review',
        pass: ids,
        comment: '按综合得分排名，配额内择优推荐。',
      }),
    );
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toEqual({ decided: ids.length });
    // A pass leaves each in review (on to publicity), so no counter moves: no two
    // decisions touch one item, and four fit in one transaction whatever their shards.
    expect(sent, sent.join(', ')).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    await harness.review.settled();
    for (const { provider, id } of walks) {
      const app = await provider.get<{ status: string; stage?: string }>(
        `${QD}/applications/${id}`,
      );
      expect(app.body).toMatchObject({ status: 'in_review', stage: 'publicity' });
    }
  });
});
