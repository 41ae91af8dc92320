/**
 * The staff's side of the walk, after a provider's submission: the district reviewer
 * returns the application, the provider corrects and resubmits it, the reviewer passes
 * it, the city bureau puts three experts on its panel, each scores, the bureau decides
 * from the ranking and publishes the notice. The review's runs are picked up and
 * settled between steps, as the stack's timer would; a request that fails stops the walk.
 */
import type { App } from '@sme/api';
import type { LocalStack } from '@sme/local';
import { ApiClient } from '../../../test/support/api-client.js';
import { PROGRAM, RUBRIC_SCORES } from '../../../test/support/qingdao.js';

const QD = '/api/tenants/qingdao';
const EXPERTS = ['e-1', 'e-2', 'e-3'];

export async function reviewWalk(
  app: App,
  stack: LocalStack,
  submitted: { id: string; provider: ApiClient; region: string },
): Promise<void> {
  const { id, provider, region } = submitted;
  const settle = async () => {
    await stack.review.pickUp();
    await stack.review.settled();
  };
  const ok = async (step: string, answer: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await answer;
    if (status >= 400) throw new Error(`${step}: ${status} ${JSON.stringify(body)}`);
    await settle();
  };
  await settle();
  const reviewer = await ApiClient.signIn(app, {
    role: 'district_reviewer',
    tenant: 'qingdao',
    region,
  });
  const decide = (client: ApiClient, stage: string, outcome: string, comment: string) =>
    client.post(`${QD}/applications/${id}/decision`, { stage, outcome, comment });
  await ok('return', decide(reviewer, 'district-review', 'return', '请补充团队人数说明。'));
  await ok('correct', provider.patch(`${QD}/applications/${id}`, { fields: { teamSize: 30 } }));
  await ok('resubmit', provider.post(`${QD}/applications/${id}/submit`));
  await ok('pass', decide(reviewer, 'district-review', 'pass', '初审通过。'));
  const city = await ApiClient.signIn(app, { role: 'city_admin', tenant: 'qingdao' });
  for (const expertId of EXPERTS)
    await ok(
      'expert',
      city.put(`${QD}/experts/${expertId}`, { industries: ['auto-parts'], conflicts: [] }),
    );
  await ok(
    'assign',
    city.post(`${QD}/applications/${id}/experts`, { stage: 'expert-review', expertIds: EXPERTS }),
  );
  for (const expertId of EXPERTS) {
    const expert = await ApiClient.signIn(app, { role: 'expert', tenant: 'qingdao', expertId });
    await ok(
      'score',
      expert.post(`${QD}/applications/${id}/scores`, {
        stage: 'expert-review',
        scores: RUBRIC_SCORES,
      }),
    );
  }
  await ok('rank', decide(city, 'expert-review', 'pass', '在配额内，择优推荐。'));
  await ok('notice', city.post(`${QD}/notices`, { programId: PROGRAM, applicationIds: [id] }));
}
