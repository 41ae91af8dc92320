import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../application/canonical-json.js';
import { GENESIS_HASH, historyEvent } from './case-history.js';
import { verifyChain } from './chain-audit.js';

const actor = { sub: 'provider:qingdao:91350100M000100Y43', role: 'provider' };

describe('history events', () => {
  it('hash the same content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('chain each event to the previous one, and a changed past breaks the chain', () => {
    const first = historyEvent({
      seq: 1,
      at: new Date('2024-01-20T01:00:00Z'),
      actor,
      from: null,
      to: 'draft',
      prevHash: GENESIS_HASH,
    });
    const second = historyEvent({
      seq: 2,
      at: new Date('2024-01-21T01:00:00Z'),
      actor,
      from: 'draft',
      to: 'submitted',
      prevHash: first.hash,
    });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain([first, second])).toBe(true);
    expect(verifyChain([{ ...first, actor: 'someone-else' }, second])).toBe(false);
    expect(verifyChain([second])).toBe(false);
  });
});
