/**
 * The review's writes name keys from the application id in the path. An id no
 * application can have (a separator in it, thousands of characters) is an application
 * not found, as it is everywhere else: never another answer, never a server error.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json } from '../../support/api-client.js';
import { OPEN_AT, RUBRIC_SCORES, uscc } from '../../support/qingdao.js';
import { cityAdminOf, expertClient, type Harness } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

describe('an application id no application can have', () => {
  it('is not found by a score, an assignment, a draw or a decision', async () => {
    const expert = await expertClient(harness, 'e-1');
    const cityAdmin = await cityAdminOf(harness);
    for (const id of [encodeURIComponent('a#b'), 'x'.repeat(3000)]) {
      const calls = [
        expert.post<Json>(`${QD}/applications/${id}/scores`, {
          stage: 'expert-review',
          scores: RUBRIC_SCORES,
        }),
        cityAdmin.post<Json>(`${QD}/applications/${id}/experts`, {
          stage: 'expert-review',
          expertIds: ['e-1', 'e-2', 'e-3'],
        }),
        cityAdmin.post<Json>(`${QD}/applications/${id}/experts/draw`, { stage: 'expert-review' }),
        cityAdmin.post<Json>(`${QD}/applications/${id}/decision`, {
          stage: 'expert-review',
          outcome: 'pass',
          comment: '通过',
        }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status, JSON.stringify(res.body)).toBe(404);
        expect(res.body).toMatchObject({ code: 'application_not_found' });
      }
    }
  });
});

describe('an application id no application can have, submitted', () => {
  it('is not found, with or without an idempotency key', async () => {
    const provider = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: uscc(7_601),
    });
    for (const id of [encodeURIComponent('a#b'), 'x'.repeat(3000)]) {
      for (const headers of [{}, { 'idempotency-key': 'odd-id-submit-1' }]) {
        const res = await provider.post<Json>(
          `${QD}/applications/${id}/submit`,
          undefined,
          headers,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(404);
        expect(res.body).toMatchObject({ code: 'application_not_found' });
      }
    }
  });
});
