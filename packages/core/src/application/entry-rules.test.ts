import { describe, expect, it } from 'vitest';
import { checkEntryRules } from './entry-rules.js';
import { program } from './rules.test-support.js';

const codes = (...args: Parameters<typeof checkEntryRules>) =>
  checkEntryRules(...args).map((v) => `${v.code}@${v.path}`);

describe('checkEntryRules', () => {
  it('lets a product applicant in with two offered industries', () => {
    expect(codes(program, { track: 'product', industries: ['auto-parts', 'rail'] }, [])).toEqual(
      [],
    );
  });

  it('requires an offered track and offered industries', () => {
    expect(codes(program, { industries: ['auto-parts'] }, [])).toEqual(['track_required@track']);
    expect(codes(program, { track: 'consulting', industries: ['auto-parts'] }, [])).toEqual([
      'track_not_offered@track',
    ]);
    expect(codes(program, { track: 'product', industries: [] }, [])).toEqual([
      'industry_required@industries',
    ]);
    expect(codes(program, { track: 'product', industries: ['textiles'] }, [])).toEqual([
      'industry_not_offered@industries[0]',
    ]);
    expect(codes(program, { track: 'product', category: 'x', industries: ['rail'] }, [])).toEqual([
      'category_not_offered@category',
    ]);
  });

  it('allows at most two industries, and a chain leader only one', () => {
    expect(
      codes(program, { track: 'product', industries: ['auto-parts', 'rail', 'appliances'] }, []),
    ).toEqual(['too_many_industries@industries']);
    expect(
      codes(program, { track: 'chain-leader', industries: ['auto-parts', 'rail'] }, []),
    ).toEqual(['too_many_industries@industries']);
  });

  it('refuses a second application of the entity in the same track', () => {
    expect(
      codes(program, { track: 'product', industries: ['rail'] }, [{ id: 'a', track: 'product' }]),
    ).toEqual(['duplicate_entity@org']);
  });

  it('lets an integration applicant also apply as product, and nothing else combine', () => {
    expect(
      codes(program, { track: 'product', industries: ['rail'] }, [
        { id: 'a', track: 'integration' },
      ]),
    ).toEqual([]);
    expect(
      codes(program, { track: 'chain-leader', industries: ['rail'] }, [
        { id: 'a', track: 'product' },
      ]),
    ).toEqual(['track_combination_not_allowed@track']);
  });
});
