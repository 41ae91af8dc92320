import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUscc, USCC_ALPHABET, usccCheckCharacter } from './uscc.js';

describe('USCC check character (GB 32100-2015)', () => {
  it('accepts the example printed in GB 32100-2015 and computes its check character', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y430', 'too long'],
    ['91350100I000100Y43', 'letter I is not in the alphabet'],
    ['91350100m000100Y43', 'lower case'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  const body = fc
    .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
    .map((chars) => chars.join(''));

  it('validates the computed check character of any 17-character body, and no other', () => {
    fc.assert(
      fc.property(body, (b) => {
        const check = usccCheckCharacter(b);
        expect(check).toBeDefined();
        for (const candidate of USCC_ALPHABET) {
          expect(isValidUscc(b + candidate)).toBe(candidate === check);
        }
      }),
    );
  });
});
