/**
 * How a member of the pool ranks for an enterprise's needs (API.md "Pilot enterprises":
 * "members ranked for its needs (category, industry, district, grades and ratings), each
 * with the reasons of its rank"). No notice sets weights; this is the platform's reading,
 * kept in one place so that every reason shown is exactly what counted:
 * - each need's domain (counted once, however many needs name it) is served best by a
 *   category that is it or inside it (+3), else by an industry that is it (+2); a
 *   member serving none is no match;
 * - the enterprise's own district (+1);
 * - the latest published grade: 优秀 +2, 良好 +1, 合格 0, 不合格 −2;
 * - ratings by the enterprises it served: each 满意 +1, each 不满意 −1;
 * - an open rectification order (`rectifying`) −1.
 */
import {
  type EvaluationGrade,
  GRADE_NAMES,
  type LocalizedText,
  type Satisfaction,
} from '@sme/core';

export interface MatchCandidate {
  categories: ReadonlySet<string>;
  industries: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  status: string;
  grade?: { year: number; grade: EvaluationGrade } | undefined;
  ratings: readonly Satisfaction[];
}

export interface MatchContext {
  needs: readonly { domain: string; description: string }[];
  /** The enterprise's district. */
  region: string | undefined;
  /** Each category's parent, for a category inside the need's domain. */
  parentOf: ReadonlyMap<string, string>;
  /** What people call a category, an industry, a district. */
  nameOf(id: string): LocalizedText;
}

const GRADE_POINTS: Record<EvaluationGrade, number> = {
  excellent: 2,
  good: 1,
  qualified: 0,
  unqualified: -2,
};

/** The member's score and its reasons, or undefined when it serves none of the needs. */
export function scoreMatch(
  member: MatchCandidate,
  context: MatchContext,
): { score: number; reasons: LocalizedText[] } | undefined {
  const reasons: LocalizedText[] = [];
  let score = 0;
  // A domain named by several needs counts once (its first need names it).
  const needs = context.needs.filter(
    (need, i) => context.needs.findIndex((n) => n.domain === need.domain) === i,
  );
  for (const need of needs) {
    const domain = context.nameOf(need.domain);
    const byCategory = [...member.categories].some(
      (c) => c === need.domain || context.parentOf.get(c) === need.domain,
    );
    if (byCategory) {
      score += 3;
      reasons.push({
        zh: `服务类别对口「${domain.zh}」：${need.description}`,
        en: `Serves the category ${domain.en}: ${need.description}`,
      });
    } else if (member.industries.has(need.domain)) {
      score += 2;
      reasons.push({
        zh: `服务行业对口「${domain.zh}」：${need.description}`,
        en: `Serves the industry ${domain.en}: ${need.description}`,
      });
    }
  }
  if (score === 0) return undefined;
  if (context.region && member.regions.has(context.region)) {
    score += 1;
    const district = context.nameOf(context.region);
    reasons.push({ zh: `同在${district.zh}`, en: `In the same district, ${district.en}` });
  }
  if (member.grade) {
    score += GRADE_POINTS[member.grade.grade];
    const name = GRADE_NAMES[member.grade.grade];
    reasons.push({
      zh: `${member.grade.year} 年度评价${name.zh}`,
      en: `Graded ${name.en} for ${member.grade.year}`,
    });
  }
  const satisfied = member.ratings.filter((r) => r === 'satisfied').length;
  const unsatisfied = member.ratings.filter((r) => r === 'unsatisfied').length;
  if (satisfied > 0) {
    score += satisfied;
    reasons.push({ zh: `满意评价 ${satisfied} 次`, en: `Rated satisfied ${satisfied} time(s)` });
  }
  if (unsatisfied > 0) {
    score -= unsatisfied;
    reasons.push({
      zh: `不满意评价 ${unsatisfied} 次`,
      en: `Rated unsatisfied ${unsatisfied} time(s)`,
    });
  }
  if (member.status === 'rectifying') {
    score -= 1;
    reasons.push({ zh: '正在限期整改', en: 'Under a rectification order' });
  }
  return { score, reasons };
}
