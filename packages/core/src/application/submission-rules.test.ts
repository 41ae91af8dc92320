import { describe, expect, it } from 'vitest';
import type { ApplicationDocument } from './application.js';
import { application, program } from './rules.test-support.js';
import { checkSubmission } from './submission-rules.js';

const doc = (
  kind: string,
  status: ApplicationDocument['status'] = 'verified',
): ApplicationDocument => ({
  documentId: `d-${kind}`,
  kind,
  filename: `${kind}.pdf`,
  contentType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  objectKey: 'k',
  status,
  requestedBy: 'provider:qingdao:x',
  requestedAt: '2024-01-20T01:00:00.000Z',
});
const region = {
  id: 'laoshan',
  name: { zh: '崂山区', en: 'Laoshan' },
  kind: 'district' as const,
  reviewedBy: 'region' as const,
};
const cases = (industry: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ client: `客户${i}`, industry }));
const paths = (check: ReturnType<typeof checkSubmission>) =>
  check.violations.map((v) => `${v.code}@${v.path}`);

describe('checkSubmission', () => {
  it('passes a complete product application with 3 cases in its industry', () => {
    const app = application({ fields: { teamSize: 30, cases: cases('auto-parts', 3) } });
    expect(checkSubmission(program, app, [doc('credit-report')], region)).toEqual({
      violations: [],
      flags: [],
    });
  });

  it('names every missing field, missing or unverified document and failed rule at once', () => {
    const app = application({
      industries: ['auto-parts', 'rail'],
      fields: { cases: cases('auto-parts', 3) },
    });
    expect(paths(checkSubmission(program, app, [], region))).toEqual([
      'missing_field@fields.teamSize',
      'missing_document@documents.credit-report',
      'eligibility@rules.product-cases',
    ]);
    expect(checkSubmission(program, app, [], region).violations[0]?.message).toEqual({
      zh: '必填项「人数」未填写',
      en: '人数 is required',
    });
    expect(
      paths(checkSubmission(program, app, [doc('credit-report', 'pending')], region)),
    ).toContain('unverified_document@documents.credit-report');
  });

  it('requires the documents and thresholds of the chain-leader track only there', () => {
    const app = application({
      track: 'chain-leader',
      fields: { teamSize: 30, revenue: 999_999_999.99, cases: cases('auto-parts', 1) },
    });
    expect(paths(checkSubmission(program, app, [doc('credit-report')], region))).toEqual([
      'missing_document@documents.chain-form',
      'eligibility@rules.revenue',
    ]);
  });

  it('flags a guiding rule without refusing', () => {
    const app = application({ fields: { teamSize: 5, cases: cases('auto-parts', 3) } });
    const check = checkSubmission(program, app, [doc('credit-report')], region);
    expect(check.violations).toEqual([]);
    expect(check.flags.map((f) => f.path)).toEqual(['rules.big-team']);
  });
});
