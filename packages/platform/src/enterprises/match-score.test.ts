import { describe, expect, it } from 'vitest';
import { type MatchCandidate, scoreMatch } from './match-score.js';

const NAMES: Record<string, { zh: string; en: string }> = {
  equipment: { zh: '装备', en: 'Equipment' },
  robots: { zh: '机器人', en: 'Robots' },
  chemical: { zh: '化工', en: 'Chemicals' },
  east: { zh: '东区', en: 'East' },
};
const context = {
  needs: [{ domain: 'equipment', description: '设备联网' }],
  region: 'east',
  parentOf: new Map([['robots', 'equipment']]),
  nameOf: (id: string) => NAMES[id] ?? { zh: id, en: id },
};
const member = (over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  categories: new Set(),
  industries: new Set(),
  regions: new Set(),
  status: 'active',
  ratings: [],
  ...over,
});

describe('scoreMatch', () => {
  it('leaves out a member serving none of the needs, whatever else it has', () => {
    const strong = member({
      categories: new Set(['chemical']),
      regions: new Set(['east']),
      grade: { year: 2025, grade: 'excellent' },
      ratings: ['satisfied', 'satisfied'],
    });
    expect(scoreMatch(strong, context)).toBeUndefined();
  });

  it('counts a category inside the need as the need, and an industry for less', () => {
    expect(scoreMatch(member({ categories: new Set(['robots']) }), context)?.score).toBe(3);
    expect(scoreMatch(member({ industries: new Set(['equipment']) }), context)?.score).toBe(2);
  });

  it('adds the district, the latest grade and the ratings, and takes off an open order', () => {
    const scored = scoreMatch(
      member({
        categories: new Set(['equipment']),
        regions: new Set(['east']),
        grade: { year: 2025, grade: 'unqualified' },
        ratings: ['satisfied', 'basic', 'unsatisfied', 'satisfied'],
        status: 'rectifying',
      }),
      context,
    );
    // 3 (category) + 1 (district) − 2 (不合格) + 2 − 1 (ratings) − 1 (order)
    expect(scored?.score).toBe(2);
    expect(scored?.reasons.map((r) => r.zh)).toEqual([
      '服务类别对口「装备」：设备联网',
      '同在东区',
      '2025 年度评价不合格',
      '满意评价 2 次',
      '不满意评价 1 次',
      '正在限期整改',
    ]);
  });

  it('counts a domain once, however many needs name it', () => {
    const twice = {
      ...context,
      needs: [
        { domain: 'equipment', description: '设备联网' },
        { domain: 'equipment', description: '设备改造' },
      ],
    };
    const scored = scoreMatch(member({ categories: new Set(['equipment']) }), twice);
    expect(scored?.score).toBe(3);
    expect(scored?.reasons).toHaveLength(1);
  });
});
