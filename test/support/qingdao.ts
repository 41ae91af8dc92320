/**
 * Qingdao's 2024 call as scenario tests use it: organizations with valid USCCs and a
 * complete product-track application.
 */
import { USCC_ALPHABET, usccCheckCharacter } from '@sme/core';

export const PROGRAM = 'dx-providers-2024';
export const OPEN_AT = '2024-01-20T09:00:00+08:00';
/** Qingdao's tenant context, for reading the store directly. */
export const QINGDAO_CTX = { tenant: 'qingdao', province: 'shandong' };

/** A valid USCC whose body ends in `n` (distinct per n < 31^4). */
export function uscc(n: number): string {
  let suffix = '';
  for (let i = 0, rest = n; i < 4; i += 1, rest = Math.floor(rest / 31))
    suffix = USCC_ALPHABET.charAt(rest % 31) + suffix;
  const body = `9137020000000${suffix}`;
  return body + usccCheckCharacter(body);
}

export const caseEntry = (i: number, industry = 'auto-parts') => ({
  client: `青岛某汽车零部件企业${i}`,
  industry,
  inQingdao: true,
  summary: '部署质量追溯与设备联网系统，不良率下降。',
});

/** The form of a product-track application that meets every rule of §二(一) and §二(三). */
export const productFields = {
  localTeam: '青岛本地服务团队 25 人，负责咨询诊断、实施交付和售后。',
  teamSize: 25,
  followsAssessmentStandard: true,
  cases: [caseEntry(1), caseEntry(2), caseEntry(3)],
  products: [{ name: '轻量化质量追溯系统', ownIp: true, process: 'quality' }],
};

/** The documents a product-track application must carry. */
export const PRODUCT_DOCUMENTS = [
  'credit-report',
  'integrity-pledge',
  'team-evidence',
  'case-evidence',
  'application-product',
];

/** A full score on every criterion of Qingdao's expert review (total 88 of 100). */
export const RUBRIC_SCORES = {
  'technical-team': 18,
  'assessment-standard': 9,
  'industry-cases': 26,
  'value-for-money': 13,
  'track-capability': 22,
};
