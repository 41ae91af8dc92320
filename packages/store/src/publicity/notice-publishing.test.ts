import { describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../local-store.test-support.js';
import { tenantKey } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';
import { NoticeRepository } from './notice.repository.js';
import { type Notice, noticePk } from './notice-items.js';
import type { EnteringNotice } from './notice-publishing.js';

const ctx = { tenant: 'qingdao', province: 'shandong' };
const retry = (write: () => Promise<void>) => write();

/** A notice of `count` applications, each entering with one put of an item of its own. */
function noticeOf(id: string, count: number) {
  const ids = Array.from({ length: count }, (_, i) => `${id}-app-${i}`);
  const notice: Notice = {
    id,
    programId: 'p',
    stage: 'publicity',
    publishedAt: '2024-03-01T00:00:00.000Z',
    endsAt: '2024-03-08T16:00:00.000Z',
    entries: ids.map((applicationId) => ({
      applicationId,
      orgName: '青岛某数字科技有限公司',
      uscc: '91370200MA3C000000',
      industries: [],
    })),
    createdBy: 'city',
    state: 'open',
  };
  const entering = ids.map(
    (applicationId): EnteringNotice => ({
      applicationId,
      ops: [
        {
          put: { pk: tenantKey(ctx, 'APP', applicationId), sk: 'ENTERED', noticeId: id },
          condition: 'attribute_not_exists(pk)',
        } satisfies TransactOp,
      ],
    }),
  );
  return { notice, ids, entering };
}

/** The next transaction writing `pk` fails as a lost answer does: landed after all, or not. */
function loseAnswerOnce(store: TestStore, pk: string, landed: boolean) {
  let armed = true;
  store.clients.dynamodb.middlewareStack.add(
    (next) => async (args) => {
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems;
      if (!armed || !items || !JSON.stringify(items).includes(pk)) return next(args);
      armed = false;
      if (landed) await next(args);
      throw new Error('socket hang up');
    },
    { step: 'initialize', name: 'loseAnswer' },
  );
}

/**
 * Publishes a notice of 150 applications whose own transaction's answer is lost (landed
 * or not); answers the notice as stored and the applications that entered it.
 */
async function publishLosingItsAnswer(id: string, landed: boolean) {
  const store = await createTestStore();
  const notices = new NoticeRepository(store.table);
  const { notice, ids, entering } = noticeOf(id, 150);
  loseAnswerOnce(store, noticePk(ctx, notice.id), landed);
  await expect(notices.publish(ctx, notice, entering, retry)).rejects.toThrow('socket hang up');
  const entered = [];
  for (const app of ids)
    if (await store.table.get(ctx, tenantKey(ctx, 'APP', app), 'ENTERED')) entered.push(app);
  return { stored: await notices.get(ctx, notice.id), ids, entered };
}

/**
 * Each test writes a notice of up to 150 applications on DynamoDB Local: about 2 s alone,
 * and well over vitest's 5 s default beside other suites on two cores.
 */
const HEAVY = 30_000;

describe('publishing a notice', () => {
  it(
    'takes out of the notice however many applications its later transactions left out',
    async () => {
      const { table } = await createTestStore();
      const notices = new NoticeRepository(table);
      // 99 enter with the notice; the 150 after, taken meanwhile, are refused.
      const { notice, ids, entering } = noticeOf('n-many', 249);
      for (const id of ids.slice(99))
        await table.put(ctx, { pk: tenantKey(ctx, 'APP', id), sk: 'ENTERED', noticeId: 'other' });
      const missed = await notices.publish(ctx, notice, entering, retry);
      expect(missed).toEqual(new Set(ids.slice(99)));
      const stored = await notices.get(ctx, notice.id);
      expect(stored?.entries.map((e) => e.applicationId)).toEqual(ids.slice(0, 99));
    },
    HEAVY,
  );

  it(
    'takes out, in more than one update, entries lying between entries that stay',
    async () => {
      const { table } = await createTestStore();
      const notices = new NoticeRepository(table);
      const { notice, ids, entering } = noticeOf('n-between', 249);
      const refused = ids.filter((_, i) => i >= 99 && i % 3 !== 0);
      for (const id of refused)
        await table.put(ctx, { pk: tenantKey(ctx, 'APP', id), sk: 'ENTERED', noticeId: 'other' });
      const missed = await notices.publish(ctx, notice, entering, retry);
      expect(missed).toEqual(new Set(refused));
      const stored = await notices.get(ctx, notice.id);
      expect(stored?.entries.map((e) => e.applicationId)).toEqual(
        ids.filter((id) => !refused.includes(id)),
      );
    },
    HEAVY,
  );

  it(
    'takes out the entries never tried when the notice’s own transaction landed unanswered',
    async () => {
      // 99 enter with the notice, in the transaction whose answer is lost; 51 come after.
      const { stored, ids, entered } = await publishLosingItsAnswer('n-lost', true);
      expect(stored?.entries.map((e) => e.applicationId)).toEqual(ids.slice(0, 99));
      expect(entered).toEqual(ids.slice(0, 99));
    },
    HEAVY,
  );

  it(
    'writes nothing more when the notice’s own transaction failed without landing',
    async () => {
      const { stored, entered } = await publishLosingItsAnswer('n-unsent', false);
      expect(stored).toBeUndefined();
      expect(entered).toEqual([]);
    },
    HEAVY,
  );
});
