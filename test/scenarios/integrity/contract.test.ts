/**
 * Issue 9, defect 9: the contract of API.md v1.1. A draft is not edited after its call
 * closed (a returned application is); who may act is checked before where the
 * application stands; a replayed submit key answers how the application stands now.
 * (`publicity` while in a notice is pinned by the walk to the pool.)
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachPdf, pdfBytes, sha256 } from '../../support/api-client.js';
import { OPEN_AT, PRODUCT_DOCUMENTS, uscc } from '../../support/qingdao.js';
import {
  atDistrictReview,
  expertClient,
  type Harness,
  moveClock,
  reviewerOf,
} from '../../support/review-walk.js';
import { draftApplication, submittedApplication } from '../../support/submitted.js';

let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

describe('the contract', () => {
  it('answers a replayed submit key with how the application stands now', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(97_001), {
      name: '契约测试公司一',
      region: 'laoshan',
    });
    for (const kind of PRODUCT_DOCUMENTS) await attachPdf(provider, 'qingdao', id, kind);
    const key = { 'idempotency-key': 'replayed-later' };
    const first = await provider.post(
      `/api/tenants/qingdao/applications/${id}/submit`,
      undefined,
      key,
    );
    expect(first.body).toMatchObject({ status: 'submitted' });
    const replay = await provider.post(
      `/api/tenants/qingdao/applications/${id}/submit`,
      undefined,
      key,
    );
    expect(replay.body).toEqual(first.body);
    expect((await provider.post(`/api/tenants/qingdao/applications/${id}/withdraw`)).status).toBe(
      200,
    );
    const later = await provider.post(
      `/api/tenants/qingdao/applications/${id}/submit`,
      undefined,
      key,
    );
    expect(later).toMatchObject({ status: 200, body: { id, status: 'withdrawn' } });
  });

  it('checks who may act before saying where the application stands', async () => {
    const { id } = await atDistrictReview(harness, 97_002, 'laoshan');
    const stranger = await reviewerOf(harness, 'shinan');
    // The application is not at the expert review: a stranger still hears only 403.
    const decided = await stranger.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'expert-review',
      outcome: 'pass',
      comment: '试探',
    });
    expect(decided.body).toMatchObject({ status: 403, code: 'forbidden' });
    const assigned = await stranger.post(`/api/tenants/qingdao/applications/${id}/experts`, {
      stage: 'expert-review',
      expertIds: ['e-1', 'e-2', 'e-3'],
    });
    expect(assigned.status).toBe(403);
    const scored = await (await expertClient(harness, 'e-9')).post(
      `/api/tenants/qingdao/applications/${id}/scores`,
      { stage: 'expert-review', conflict: true },
    );
    expect(scored.status).toBe(403);
  });

  // Last: it moves the clock past the call's window.
  it('keeps a draft as it was once the call closed, and lets a returned application be corrected', async () => {
    const draft = await draftApplication(harness.app, uscc(97_003), {
      name: '契约测试公司三',
      region: 'laoshan',
    });
    const returned = await submittedApplication(harness.app, 97_004, 'laoshan');
    await moveClock(harness, '2024-02-01T00:00:00+08:00');
    const reviewer = await reviewerOf(harness, 'laoshan');
    await reviewer.post(`/api/tenants/qingdao/applications/${returned.id}/decision`, {
      stage: 'district-review',
      outcome: 'return',
      comment: '请补充团队社保证明。',
    });
    await harness.review.settled();

    const edit = await draft.provider.patch(`/api/tenants/qingdao/applications/${draft.id}`, {
      fields: { teamSize: 40 },
    });
    expect(edit.body).toMatchObject({ status: 409, code: 'window_closed' });
    expect((edit.body as { detail: string }).detail).toContain('2024-01-31 24:00');
    const bytes = pdfBytes('迟到的材料');
    const document = await draft.provider.post(
      `/api/tenants/qingdao/applications/${draft.id}/documents`,
      {
        kind: 'case-evidence',
        filename: '迟到.pdf',
        contentType: 'application/pdf',
        size: bytes.byteLength,
        sha256: sha256(bytes),
      },
    );
    expect(document.body).toMatchObject({ status: 409, code: 'window_closed' });

    const corrected = await returned.provider.patch(
      `/api/tenants/qingdao/applications/${returned.id}`,
      { fields: { teamSize: 30 } },
    );
    expect(corrected.status).toBe(200);
    const resubmitted = await returned.provider.post(
      `/api/tenants/qingdao/applications/${returned.id}/submit`,
    );
    expect(resubmitted.body).toMatchObject({ status: 'submitted' });
  });
});
