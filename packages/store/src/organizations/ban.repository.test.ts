import { describe, expect, it } from 'vitest';
import { createTestStore } from '../local-store.test-support.js';
import { type Ban, BanRepository, banItem, banLiftOps } from './ban.repository.js';

const ctx = { tenant: 'qingdao', province: 'shandong' };
const now = new Date('2025-06-01T00:00:00Z');

const ban = (id: string, uscc: string, until: string): Ban => ({
  id,
  uscc,
  reason: '提供虚假材料',
  until,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: 'province-admin',
});

describe('BanRepository', () => {
  it('finds the ban in force on any of several organizations, in their order, from their summaries', async () => {
    const { table } = await createTestStore();
    const bans = new BanRepository(table);
    await bans.add(ctx, ban('b1', 'ORGA', '2024-12-31T16:00:00.000Z'));
    await bans.add(ctx, ban('b2', 'ORGB', '2027-12-31T16:00:00.000Z'));
    await bans.add(ctx, ban('b3', 'ORGC', '2026-12-31T16:00:00.000Z'));
    // ORGA's ban has lapsed; ORGB's is the first in force in the order asked.
    expect((await bans.inForce(ctx, ['ORGA', 'ORGB', 'ORGC'], now))?.id).toBe('b2');
    expect((await bans.inForce(ctx, ['ORGC', 'ORGB'], now))?.id).toBe('b3');
    expect(await bans.inForce(ctx, ['ORGA', 'NONE'], now)).toBeUndefined();
    // Listed province-wide as before: the summaries are not bans of their own.
    expect((await bans.list(ctx)).items.map((b) => b.id).sort()).toEqual(['b1', 'b2', 'b3']);
  });

  it('no longer finds a ban once an appeal lifted it', async () => {
    const { table } = await createTestStore();
    const bans = new BanRepository(table);
    const imposed = ban('b4', 'ORGD', '2027-12-31T16:00:00.000Z');
    await bans.add(ctx, imposed);
    await table.transact(ctx, banLiftOps(ctx, imposed, '2025-05-01T00:00:00.000Z', 'appeal'));
    expect(await bans.inForce(ctx, ['ORGD'], now)).toBeUndefined();
    // Lifting twice is refused by the ban's own item.
    await expect(
      table.transact(ctx, banLiftOps(ctx, imposed, '2025-05-02T00:00:00.000Z', 'appeal')),
    ).rejects.toThrow();
  });
});

describe('BanRepository.summarize', () => {
  it('makes bans written before summaries existed (and their liftings) seen again', async () => {
    const { table } = await createTestStore();
    const bans = new BanRepository(table);
    await table.put(ctx, banItem(ctx, ban('old', 'ORGE', '2027-12-31T16:00:00.000Z')));
    await table.put(ctx, {
      ...banItem(ctx, { ...ban('gone', 'ORGF', '2027-12-31T16:00:00.000Z') }),
      liftedAt: '2025-03-01T00:00:00.000Z',
      liftedBy: 'appeal',
    });
    expect(await bans.inForce(ctx, ['ORGE'], now)).toBeUndefined();
    expect(await bans.summarize(ctx)).toBe(2);
    expect((await bans.inForce(ctx, ['ORGE', 'ORGF'], now))?.id).toBe('old');
    expect(await bans.inForce(ctx, ['ORGF'], now)).toBeUndefined();
    // Again: nothing changes.
    await bans.summarize(ctx);
    expect((await bans.inForce(ctx, ['ORGE'], now))?.id).toBe('old');
  });
});
