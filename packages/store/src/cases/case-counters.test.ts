import { describe, expect, it } from 'vitest';
import { COUNTER_SHARDS, counterMove, shardOf, sumShards } from './case-counters.js';

const ctx = { tenant: 'qingdao', province: 'shandong' };

describe('sharded counters', () => {
  it('put each case in one fixed shard, and spread many cases over all of them', () => {
    const shards = new Set(Array.from({ length: 400 }, (_, i) => shardOf(`app-${i}`)));
    expect(shards.size).toBe(COUNTER_SHARDS);
    expect(shardOf('app-7')).toBe(shardOf('app-7'));
  });

  it('move a case between groups within its own shard of each', () => {
    const from = { sk: 'C#p#a', attributes: { programId: 'p', category: 'a' }, status: 'draft' };
    const to = { sk: 'C#p#b', attributes: { programId: 'p', category: 'b' }, status: 'draft' };
    const ops = counterMove(ctx, 'app-7', from, to);
    const keys = ops.map((op) => ('update' in op ? op.update.sk : ''));
    expect(keys).toEqual([`C#p#a~${shardOf('app-7')}`, `C#p#b~${shardOf('app-7')}`]);
  });

  it('sum the shards of each counter, an item from before sharding with them', () => {
    const pk = 'T#qingdao#STATS';
    expect(
      sumShards([
        { pk, sk: 'P#p', programId: 'p', draft: 2 },
        { pk, sk: 'P#p~3', programId: 'p', draft: 1, submitted: 4 },
        { pk, sk: 'P#p~11', programId: 'p', draft: -1, submitted: 1 },
        { pk, sk: 'C#p#a~0', programId: 'p', category: 'a', submitted: 1 },
      ]),
    ).toEqual([
      { pk, sk: 'P#p', programId: 'p', draft: 2, submitted: 5 },
      { pk, sk: 'C#p#a', programId: 'p', category: 'a', submitted: 1 },
    ]);
  });
});
