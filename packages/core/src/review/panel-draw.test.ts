import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TooFewExpertsError } from '../errors.js';
import { drawPanel, eligibleExperts, seedHashOf } from './panel-draw.js';

const pool = ['e-01', 'e-02', 'e-03', 'e-04', 'e-05', 'e-06', 'e-07'];

describe('drawPanel', () => {
  it('is the same for the same seed, application and pool, whatever the pool’s order', () => {
    const eligible = eligibleExperts(pool, []);
    const first = drawPanel({ seed: 'abc', applicationId: 'app-1', eligible, count: 3 });
    const again = drawPanel({
      seed: 'abc',
      applicationId: 'app-1',
      eligible: eligibleExperts([...pool].reverse(), []),
      count: 3,
    });
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('never draws an excluded expert', () => {
    fc.assert(
      fc.property(fc.string(), fc.subarray(pool, { maxLength: 4 }), (seed, excluded) => {
        const drawn = drawPanel({
          seed,
          applicationId: 'app-2',
          eligible: eligibleExperts(pool, excluded),
          count: 3,
        });
        expect(drawn.filter((e) => excluded.includes(e))).toEqual([]);
      }),
    );
  });

  it('differs with the seed', () => {
    const eligible = eligibleExperts(pool, []);
    const draws = new Set(
      ['s1', 's2', 's3', 's4', 's5'].map((seed) =>
        drawPanel({ seed, applicationId: 'a', eligible, count: 3 }).join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(1);
  });

  it('refuses when the pool is too small once conflicts are excluded', () => {
    expect(() =>
      drawPanel({
        seed: 's',
        applicationId: 'a',
        eligible: eligibleExperts(pool, pool.slice(0, 5)),
        count: 3,
      }),
    ).toThrow(TooFewExpertsError);
  });

  it('commits to the seed with its SHA-256', () => {
    expect(seedHashOf('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
