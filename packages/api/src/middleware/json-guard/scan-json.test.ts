import { findUnsafeCharacter } from '@sme/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonPath, scanJson } from './scan-json.js';

const limits = { maxDepth: 32, maxFindings: 1000 };

/** The same findings by walking the parsed value: what the scan must agree with. */
function reference(value: unknown, path: JsonPath = []): JsonPath[] {
  if (typeof value === 'string') return findUnsafeCharacter(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => reference(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(findUnsafeCharacter(k) ? [[...path, k]] : []),
      ...reference(v, [...path, k]),
    ]);
  }
  return [];
}

function depth(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depth));
  if (value && typeof value === 'object')
    return 1 + Math.max(0, ...Object.values(value).map(depth));
  return 0;
}

/** Text with unsafe characters, and the characters JSON has to escape. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u202e', '\u2066', '\u200f', '\u0000', '\b', '\f', '\u0085', '\u007f'),
    fc.constantFrom('\ud800', '\udc00', '\\', '"', '/', '\n', '\t', 'a', '青', '👍'),
  ),
  maxLength: 6,
});
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Every character outside ASCII written as `\uXXXX`, as some clients send JSON. */
const asciiOnly = (s: string) =>
  s.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('scanJson', () => {
  it('finds the same strings as a walk over the parsed value, escaped or not', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, escapeAll) => {
        const raw = JSON.stringify(value);
        const scan = scanJson(escapeAll ? asciiOnly(raw) : raw, { ...limits, maxDepth: 4 });
        expect(scan.tooDeepAt !== undefined).toBe(depth(value) > 4);
        if (!scan.tooDeepAt) expect(scan.unsafe.map((u) => u.path)).toEqual(reference(value));
      }),
    );
  });

  it('names the path of each string, keys included', () => {
    const body = `{"name":"ok","fields":{"cases":[{"client":"a"},{"client":"b\\u202Ec"}],"x\u2066":1}}`;
    expect(scanJson(body, limits).unsafe).toEqual([
      {
        path: ['fields', 'cases', 1, 'client'],
        found: { index: 1, codePoint: 0x202e, kind: 'bidi' },
      },
      { path: ['fields', 'x\u2066'], found: { index: 1, codePoint: 0x2066, kind: 'bidi' } },
    ]);
  });

  it('reads an escaped backslash as a backslash, not as the start of an escape', () => {
    expect(scanJson('["\\\\u202e"]', limits).unsafe).toEqual([]);
    expect(scanJson('["\\\\\\u202e"]', limits).unsafe).toHaveLength(1);
  });

  it('stops at the first level past the limit, however deep the text goes', () => {
    expect(scanJson(`${'['.repeat(32)}${']'.repeat(32)}`, limits).tooDeepAt).toBeUndefined();
    expect(scanJson(`${'['.repeat(33)}${']'.repeat(33)}`, limits).tooDeepAt).toHaveLength(32);
    const deep = '['.repeat(1_000_000);
    expect(scanJson(deep, limits).tooDeepAt).toEqual(Array(32).fill(0));
    expect(scanJson(`{"a":${deep}`, { ...limits, maxDepth: 2 }).tooDeepAt).toEqual(['a', 0]);
  });

  it('counts brackets inside strings as text', () => {
    expect(scanJson(`["${'['.repeat(100)}"]`, limits)).toEqual({ unsafe: [] });
  });

  it('stops collecting at the limit of findings', () => {
    const many = JSON.stringify(Array(50).fill('\u0007'));
    expect(scanJson(many, { ...limits, maxFindings: 20 }).unsafe).toHaveLength(20);
  });

  it('scans malformed text as far as it goes, without throwing', () => {
    for (const broken of ['{"a":"\\u20', '["x', '}}]]', '{"k\u202e', '"\\', '[1,,2]'])
      expect(() => scanJson(broken, limits)).not.toThrow();
    expect(scanJson('{"k\u202e', limits).unsafe[0]?.path).toEqual(['k\u202e']);
  });
});
