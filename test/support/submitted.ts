/**
 * A Qingdao product application carried to `submitted`, for review scenarios.
 */
import { expect } from 'vitest';
import { ApiClient, attachPdf } from './api-client.js';
import { PRODUCT_DOCUMENTS, PROGRAM, productFields, uscc } from './qingdao.js';

export async function submittedApplication(app: ApiClient['app'], n: number, region = 'laoshan') {
  const org = uscc(n);
  const provider = await ApiClient.signIn(app, { role: 'provider', tenant: 'qingdao', org });
  await provider.put(`/api/tenants/qingdao/orgs/${org}`, { name: `审核测试公司${n}`, region });
  const created = await provider.post<{ id: string }>('/api/tenants/qingdao/applications', {
    programId: PROGRAM,
    track: 'product',
    industries: ['auto-parts'],
    fields: productFields,
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  for (const kind of PRODUCT_DOCUMENTS) await attachPdf(provider, 'qingdao', id, kind);
  expect((await provider.post(`/api/tenants/qingdao/applications/${id}/submit`)).status).toBe(200);
  return { provider, id, org };
}
