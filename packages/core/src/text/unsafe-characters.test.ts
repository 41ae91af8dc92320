import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointName,
  escapeUnsafe,
  findUnsafeCharacter,
  unsafeKind,
} from './unsafe-characters.js';

const char = (codePoint: number) => String.fromCharCode(codePoint);

describe('unsafeKind', () => {
  it('keeps tab, line feed and carriage return, and refuses the other C0 controls', () => {
    for (const allowed of [0x09, 0x0a, 0x0d]) expect(unsafeKind(allowed)).toBeUndefined();
    for (let c = 0; c < 0x20; c += 1) {
      if (![0x09, 0x0a, 0x0d].includes(c)) expect(unsafeKind(c), codePointName(c)).toBe('control');
    }
  });

  it('refuses DEL and the C1 controls', () => {
    for (let c = 0x7f; c <= 0x9f; c += 1) expect(unsafeKind(c)).toBe('control');
    expect(unsafeKind(0xa0)).toBeUndefined();
  });

  it('refuses embeddings, overrides, isolates and the implicit direction marks', () => {
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const c of [...bidi, 0x200e, 0x200f, 0x061c]) expect(unsafeKind(c)).toBe('bidi');
    for (const c of [0x2029, 0x202f, 0x2065, 0x206a, 0x200d]) expect(unsafeKind(c)).toBeUndefined();
  });
});

describe('findUnsafeCharacter', () => {
  it('passes Chinese, English, emoji and multi-line text', () => {
    expect(
      findUnsafeCharacter('青岛某汽车零部件企业（第1号）\r\n\tQuality traceability 👍🏽 — 100%'),
    ).toBeUndefined();
  });

  it('finds the first unsafe character with its index', () => {
    expect(findUnsafeCharacter(`报告${char(0x202e)}fdp.exe`)).toEqual({
      index: 2,
      codePoint: 0x202e,
      kind: 'bidi',
    });
    expect(findUnsafeCharacter(`a${char(0)}b`)).toMatchObject({ index: 1, kind: 'control' });
    expect(findUnsafeCharacter(`👍${char(0x85)}`)).toMatchObject({ index: 2, kind: 'control' });
  });

  it('refuses a lone surrogate, but not a pair', () => {
    expect(findUnsafeCharacter(`x${char(0xd83d)}`)).toMatchObject({ index: 1, kind: 'surrogate' });
    expect(findUnsafeCharacter(`${char(0xdc4d)}x`)).toMatchObject({ index: 0, kind: 'surrogate' });
    expect(findUnsafeCharacter('\ud83d\udc4d')).toBeUndefined();
  });

  it('agrees with a character-by-character reading on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const naive = [...text].findIndex((ch) => {
          const cp = ch.codePointAt(0) ?? 0;
          return (cp >= 0xd800 && cp <= 0xdfff) || unsafeKind(cp) !== undefined;
        });
        const found = findUnsafeCharacter(text);
        expect(found === undefined).toBe(naive === -1);
      }),
    );
  });
});

describe('escapeUnsafe', () => {
  it('writes unsafe characters as code points, and leaves the rest', () => {
    expect(escapeUnsafe(`名称${char(0x202e)}x${char(0x1b)}`)).toBe('名称\\u{202E}x\\u{1B}');
    expect(escapeUnsafe('清洁 👍\n')).toBe('清洁 👍\n');
    expect(codePointName(0x1b)).toBe('U+001B');
  });
});
