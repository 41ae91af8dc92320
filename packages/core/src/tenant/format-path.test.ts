import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path.js';

describe('formatPath', () => {
  it('writes indices in brackets and keys with dots', () => {
    expect(formatPath(['programs', 0, 'stages', 2, 'role'])).toBe('programs[0].stages[2].role');
    expect(formatPath([])).toBe('');
  });
});
