import { type Application, GENESIS_HASH, historyEvent, verifyChain } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TransactionRefusedError } from '../errors.js';
import { createTestStore, type TestStore } from '../local-store.test-support.js';
import { ApplicationRepository } from './application.repository.js';
import { claimSk, orgPk } from './application-items.js';

const ctx = { tenant: 'qingdao', province: 'shandong' };
const actor = { sub: 'provider:qingdao:91350100M000100Y43', role: 'provider' };
let store: TestStore;
let repo: ApplicationRepository;

beforeAll(async () => {
  store = await createTestStore();
  repo = new ApplicationRepository(store.table);
});

let n = 0;
function draft(overrides: Partial<Application> = {}): Application {
  n += 1;
  return {
    id: `app-${n}`,
    tenant: 'qingdao',
    programId: `program-${n}`,
    org: { uscc: '91350100M000100Y43', name: '测试公司', region: 'laoshan' },
    entityUscc: `91350100M000100Y4${n % 10}`,
    track: 'product',
    industries: ['auto-parts'],
    fields: { teamSize: 12 },
    status: 'draft',
    version: 1,
    historyHead: '0'.repeat(64),
    createdAt: '2024-01-20T01:00:00.000Z',
    updatedAt: '2024-01-20T01:00:00.000Z',
    ...overrides,
  };
}
const created = (app: Application) =>
  historyEvent({
    seq: 1,
    at: new Date(app.createdAt),
    actor,
    from: null,
    to: 'draft',
    prevHash: GENESIS_HASH,
  });

/** Which application holds the organization's claim, read from its item as stored. */
async function claimHolder(uscc: string, claim: string) {
  const item = await store.table.get(ctx, orgPk(ctx, uscc), claimSk(claim));
  return item?.applicationId;
}

describe('ApplicationRepository', () => {
  it('creates an application with its first event, counters and the organization’s record in one go', async () => {
    const app = draft();
    await repo.create(ctx, app, created(app));
    const record = await repo.get(ctx, app.id);
    expect(record?.application).toEqual(app);
    expect(await repo.history(ctx, app.id)).toHaveLength(1);
    expect((await repo.counters(ctx))[app.programId]).toMatchObject({ draft: 1 });
    expect(await repo.orgApplications(ctx, app.org.uscc, app.programId)).toEqual([
      { id: app.id, programId: app.programId, status: 'draft', track: 'product' },
    ]);
    // A draft is no one's duplicate yet: the family sees submitted applications only.
    expect(await repo.familyApplications(ctx, app.entityUscc, app.programId)).toEqual([]);
  });

  it('refuses a claim the organization already holds for another application, and writes nothing of it', async () => {
    const first = draft();
    await repo.create(ctx, first, created(first), { claims: [`${first.programId}:product`] });
    const second = { ...draft(), programId: first.programId };
    const refused = await repo
      .create(ctx, second, created(second), { claims: [`${first.programId}:product`] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TransactionRefusedError);
    expect(await repo.get(ctx, second.id)).toBeUndefined();
    expect((await repo.counters(ctx))[first.programId]).toMatchObject({ draft: 1 });
    expect(await claimHolder(first.org.uscc, `${first.programId}:product`)).toBe(first.id);
  });

  it('reads an application whatever the number of items in its partition', async () => {
    const app = draft();
    await repo.create(ctx, app, created(app));
    // More items than one page, all sorting before META (an earlier read missed it then).
    for (let chunk = 0; chunk < 22; chunk += 1) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.table.put(ctx, {
            pk: `T#qingdao#APP#${app.id}`,
            sk: `AUDIT#${String(chunk * 50 + i).padStart(5, '0')}`,
          }),
        ),
      );
    }
    expect((await repo.get(ctx, app.id))?.application.id).toBe(app.id);
  }, 30_000);

  it('updates only from the expected version, with history chained and counters moved', async () => {
    const app = draft();
    const first = created(app);
    await repo.create(ctx, app, first);
    const submitted: Application = {
      ...app,
      status: 'submitted',
      version: 2,
      updatedAt: '2024-01-21T01:00:00.000Z',
    };
    const event = historyEvent({
      seq: 2,
      at: new Date(submitted.updatedAt),
      actor,
      from: 'draft',
      to: 'submitted',
      prevHash: first.hash,
    });
    await repo.update(ctx, app, submitted, event, { handoff: true });

    const stale = repo.update(
      ctx,
      app,
      { ...submitted, fields: { teamSize: 1 } },
      { ...event, seq: 3 },
    );
    await expect(stale).rejects.toBeInstanceOf(TransactionRefusedError);

    expect((await repo.get(ctx, app.id))?.application).toEqual(submitted);
    const history = await repo.history(ctx, app.id);
    expect(history.map((e) => e.to)).toEqual(['draft', 'submitted']);
    expect(verifyChain(history)).toBe(true);
    expect((await repo.counters(ctx))[app.programId]).toMatchObject({ draft: 0, submitted: 1 });
  });

  it('stores an idempotency record only once, with the change it belongs to', async () => {
    const app = draft();
    const first = created(app);
    await repo.create(ctx, app, first);
    const next = { ...app, version: 2, status: 'submitted' as const };
    const event = historyEvent({
      seq: 2,
      at: new Date(),
      actor,
      from: 'draft',
      to: 'submitted',
      prevHash: first.hash,
    });
    const idempotency = {
      key: `submit:${app.id}:k1`,
      response: { id: app.id, status: 'submitted' },
      expiresAt: 2_000_000_000,
    };
    await repo.update(ctx, app, next, event, { idempotency });
    expect(await repo.idempotentResponse(ctx, idempotency.key)).toEqual({
      response: idempotency.response,
      version: 2,
    });
  });

  it('lists a submitted application under its declared root, and forgets it when withdrawn', async () => {
    const app = draft();
    const first = created(app);
    await repo.create(ctx, app, first);
    const submitted = { ...app, version: 2, status: 'submitted' as const };
    const second = historyEvent({
      seq: 2,
      at: new Date(),
      actor,
      from: 'draft',
      to: 'submitted',
      prevHash: first.hash,
    });
    await repo.update(ctx, app, submitted, second, { claims: [`${app.programId}:product`] });
    expect(await repo.familyApplications(ctx, app.entityUscc, app.programId)).toEqual([
      expect.objectContaining({ id: app.id, uscc: app.org.uscc, track: 'product' }),
    ]);
    const withdrawn = { ...submitted, version: 3, status: 'withdrawn' as const };
    const third = historyEvent({
      seq: 3,
      at: new Date(),
      actor,
      from: 'submitted',
      to: 'withdrawn',
      prevHash: second.hash,
    });
    await repo.update(ctx, submitted, withdrawn, third, { releases: [`${app.programId}:product`] });
    expect(await repo.orgApplications(ctx, app.org.uscc, app.programId)).toEqual([]);
    expect(await repo.familyApplications(ctx, app.entityUscc, app.programId)).toEqual([]);
    expect(await claimHolder(app.org.uscc, `${app.programId}:product`)).toBeUndefined();
  });

  it('lists a program by status and by region', async () => {
    const programId = 'listing';
    const a = draft({
      programId,
      org: { uscc: '91350100M000100Y43', name: 'A', region: 'laoshan' },
    });
    const b = draft({
      programId,
      org: { uscc: '91350100M000100Y43', name: 'B', region: 'shinan' },
    });
    await repo.create(ctx, a, created(a));
    await repo.create(ctx, b, created(b));
    expect(
      (await repo.list(ctx, { programId, status: 'draft' })).items.map((x) => x.id).sort(),
    ).toEqual([a.id, b.id].sort());
    expect((await repo.list(ctx, { programId, region: 'shinan' })).items.map((x) => x.id)).toEqual([
      b.id,
    ]);
    expect((await repo.list(ctx, { programId, status: 'submitted' })).items).toEqual([]);
  });
});
