import { describe, expect, it } from 'vitest';
import { AnswerCache, strongEtag } from './answer-cache.js';

describe('AnswerCache', () => {
  it('builds and serializes an answer once per key', () => {
    const cache = new AnswerCache();
    let builds = 0;
    const build = () => {
      builds += 1;
      return { id: 'qingdao' };
    };
    const first = cache.answer('k', build);
    const second = cache.answer('k', build);
    expect(builds).toBe(1);
    expect(second).toBe(first);
    expect(new TextDecoder().decode(first.body)).toBe('{"id":"qingdao"}');
    expect(first.etag).toBe(strongEtag('{"id":"qingdao"}'));
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const cache = new AnswerCache(2);
    cache.answer('a', () => 1);
    cache.answer('b', () => 2);
    cache.answer('a', () => 1);
    cache.answer('c', () => 3);
    expect(cache.size).toBe(2);
    let rebuilt = false;
    cache.answer('a', () => 1);
    cache.answer('b', () => {
      rebuilt = true;
      return 2;
    });
    expect(rebuilt).toBe(true);
  });
});

describe('strongEtag', () => {
  it('is a quoted hash that differs with the body', () => {
    expect(strongEtag('{}')).toMatch(/^"[\w-]{43}"$/);
    expect(strongEtag('{}')).toBe(strongEtag('{}'));
    expect(strongEtag('{"a":1}')).not.toBe(strongEtag('{"a":2}'));
  });
});
