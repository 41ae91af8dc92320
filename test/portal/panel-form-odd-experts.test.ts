/**
 * The panel form posts the experts chosen as checkboxes, but a form can be posted with
 * anything: an expert id no pool holds, however long or odd, is refused beside the field
 * as not in the pool (422), never a server error.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageClient, textOf } from '../support/page-client.js';
import { atDistrictReview, type Harness, reviewerOf } from '../support/review-walk.js';

let harness: Harness;
let admin: PageClient;

beforeAll(async () => {
  harness = await testApp();
  admin = new PageClient(harness.app);
  await admin.signIn('qingdao', 'city-admin');
});

describe('a panel form posted with odd expert ids', () => {
  it('is refused as experts not in the pool', async () => {
    const at = await atDistrictReview(harness, 72_011);
    const passed = await (await reviewerOf(harness, 'laoshan')).post(
      `/api/tenants/qingdao/applications/${at.id}/decision`,
      { stage: 'district-review', outcome: 'pass', comment: '初审通过。' },
    );
    expect(passed.status).toBe(200);
    await harness.review.settled();
    const path = `/qingdao/admin/applications/${at.id}/panel`;
    for (const expertIds of [['x'.repeat(3000)], ['a#b', 'é', 'e 1']]) {
      const posted = await admin.post(path, { action: 'assign', expertIds });
      expect(posted.status).toBe(422);
      expect(textOf(posted.html)).toContain('专家库中没有以下专家');
    }
  });
});
