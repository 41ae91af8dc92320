/**
 * A notice written in more than one transaction stands after the first: whatever a
 * later one meets (others in flight until the retries give up, DynamoDB throttling it,
 * a conflict on the notice as its entries are taken out), the notice never lists an
 * application that did not enter it, and the clerk is answered with what did.
 */
import { testApp } from '@sme/api/testing';
import { ATTEMPTS } from '@sme/platform';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../support/api-client.js';
import { ApiClient as Client } from '../../support/api-client.js';
import { OPEN_AT, PROGRAM } from '../../support/qingdao.js';
import { atPublicity, type Harness, moveClock, publishNotice } from '../../support/review-walk.js';
import { draftApart, draftsSharingAShard, providerNumbers } from '../../support/shard-twins.js';

/** A test that first walks many applications through review: longer than the 30 s default. */
const WALKS_MANY = 120_000;
const QD = '/api/tenants/qingdao';
let harness: Harness;
let refusals: RefusedTransactions;
/** The next transaction mentioning this fails as a lost connection does: whether it landed, unknown. */
let lostOn: string | undefined;

beforeAll(async () => {
  harness = await testApp({
    start: OPEN_AT,
    backoff: { random: () => 0.5, sleep: async () => {} },
  });
  refusals = refuseTransactions(harness.store.clients.dynamodb);
  harness.store.clients.dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      const on = lostOn;
      if (!on || context.commandName !== 'TransactWriteItemsCommand') return next(args);
      if (!JSON.stringify(args.input).includes(on)) return next(args);
      lostOn = undefined;
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    },
    { step: 'initialize', name: 'loseConnection' },
  );
});

const nextProvider = providerNumbers(1_311);
/** Two applications waiting at publicity whose counters share a shard: two transactions. */
async function twoSharingAShard() {
  const [a, b] = await draftsSharingAShard(harness, nextProvider);
  return [await atPublicity(harness, a), await atPublicity(harness, b)] as const;
}

type NoticeBody = { id: string; entries: { applicationId: string }[] };

async function storedNotices(cityAdmin: ApiClient) {
  const listed = await cityAdmin.get<{ items: NoticeBody[] }>(`${QD}/notices`);
  return listed.body.items;
}

async function stateOf(provider: ApiClient, id: string) {
  const app = await provider.get<{ status: string }>(`${QD}/applications/${id}`);
  return app.body.status;
}

/** Publishes [first, second]; the second's transaction is refused as `code`, `times` times. */
async function publishWithSecondRefused(code: string, times: number) {
  const [first, second] = await twoSharingAShard();
  refusals.refuseNext(0);
  refusals.alsoRefuse(times, `APP#${second.id}`, code);
  const answer = await first.cityAdmin.post<NoticeBody>(`${QD}/notices`, {
    programId: PROGRAM,
    applicationIds: [first.id, second.id],
  });
  refusals.refuseNext(0);
  return { first, second, answer };
}

/** Every notice lists only applications in publicity, each in one notice. */
async function expectNoPhantom(cityAdmin: ApiClient, walks: { id: string; provider: ApiClient }[]) {
  const notices = await storedNotices(cityAdmin);
  for (const { id, provider } of walks) {
    const listing = notices.filter((n) => n.entries.some((e) => e.applicationId === id));
    const status = await stateOf(provider, id);
    expect({ id, listed: listing.length }).toEqual({ id, listed: status === 'publicity' ? 1 : 0 });
  }
}

describe('a later transaction of a notice refused', () => {
  it('meeting others until the retries give up: its application is taken out', async () => {
    const { first, second, answer } = await publishWithSecondRefused(
      'TransactionConflict',
      ATTEMPTS,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.entries.map((e) => e.applicationId)).toEqual([first.id]);
    expect(await stateOf(second.provider, second.id)).toBe('in_review');
    await expectNoPhantom(first.cityAdmin, [first, second]);
  });

  it('throttled by DynamoDB (nothing written): its application is taken out', async () => {
    const { first, second, answer } = await publishWithSecondRefused('ThrottlingError', 1);
    expect(await stateOf(second.provider, second.id)).toBe('in_review');
    await expectNoPhantom(first.cityAdmin, [first, second]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.entries.map((e) => e.applicationId)).toEqual([first.id]);
  });

  it('its entry taken out while another touches the notice: taken out all the same', async () => {
    const [first, second] = await twoSharingAShard();
    refusals.refuseNext(0);
    refusals.alsoRefuse(ATTEMPTS, `APP#${second.id}`);
    // A withdrawal marking another entry, an objection checking one, at that instant.
    refusals.alsoRefuse(1, 'REMOVE entries');
    const answer = await first.cityAdmin.post<NoticeBody>(`${QD}/notices`, {
      programId: PROGRAM,
      applicationIds: [first.id, second.id],
    });
    refusals.refuseNext(0);
    await expectNoPhantom(first.cityAdmin, [first, second]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.entries.map((e) => e.applicationId)).toEqual([first.id]);
  });
});

describe('an entry a notice kept, not knowing whether its application entered', () => {
  it('never passes at the end of that notice an application waiting in another', async () => {
    const [first, second] = await twoSharingAShard();
    // The second transaction's answer is lost: the notice keeps the entry it may have
    // written (it did not), and the clerk gets an error.
    lostOn = `APP#${second.id}`;
    const lost = await first.cityAdmin.post<NoticeBody>(`${QD}/notices`, {
      programId: PROGRAM,
      applicationIds: [first.id, second.id],
    });
    expect(lost.status).toBeGreaterThanOrEqual(500);
    expect(await stateOf(second.provider, second.id)).toBe('in_review');
    // Still waiting, it goes into the next notice, where someone objects to it.
    const next = await publishNotice(first.cityAdmin, [second.id]);
    const objected = await new Client(harness.app).post(`${QD}/notices/${next.id}/objections`, {
      applicationId: second.id,
      reason: '该单位服务案例存疑，请核实合同原件。',
      contact: '0532-88886666',
    });
    expect(objected.status, JSON.stringify(objected.body)).toBe(201);
    await moveClock(harness, new Date(Date.parse(next.endsAt) + 60_000).toISOString());
    // The first notice ends: its entry that entered passes; the other waits on its objection.
    expect(await stateOf(first.provider, first.id)).not.toBe('publicity');
    expect(await stateOf(second.provider, second.id)).toBe('publicity');
  });
});

describe('entries taken out, then an application withdrawn', () => {
  it(
    'marks withdrawn the entry where its application stands now, none other',
    async () => {
      const [first, second] = await twoSharingAShard();
      const third = await atPublicity(harness, await draftApart(harness, nextProvider, first));
      // Listed first, second, third; the second's transaction gives up and its entry, the
      // middle one, is taken out: the third moves up one place.
      refusals.refuseNext(0);
      refusals.alsoRefuse(ATTEMPTS, `APP#${second.id}`);
      const answer = await first.cityAdmin.post<NoticeBody>(`${QD}/notices`, {
        programId: PROGRAM,
        applicationIds: [first.id, second.id, third.id],
      });
      refusals.refuseNext(0);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const withdrawn = await third.provider.post(`${QD}/applications/${third.id}/withdraw`, {
        reason: '公司战略调整，主动撤回。',
      });
      expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
      const stored = (await storedNotices(first.cityAdmin)).find((x) => x.id === answer.body.id);
      expect(stored?.entries).toEqual([
        expect.not.objectContaining({ withdrawnAt: expect.anything() }),
        expect.objectContaining({ applicationId: third.id, withdrawnAt: expect.any(String) }),
      ]);
      expect(stored?.entries[0]?.applicationId).toBe(first.id);
      const anyone = new Client(harness.app);
      const objection = (applicationId: string) =>
        anyone.post(`${QD}/notices/${answer.body.id}/objections`, {
          applicationId,
          reason: '该单位服务案例存疑，请核实合同原件。',
          contact: '0532-88886666',
        });
      expect((await objection(first.id)).status).toBe(201);
      // Not in the notice: withdrawn from it, or never entered.
      for (const id of [third.id, second.id])
        expect((await objection(id)).body).toMatchObject({ code: 'not_in_notice' });
    },
    WALKS_MANY,
  );
});
