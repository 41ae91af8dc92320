/**
 * Qingdao product applications as scenarios need them: a draft, or carried to `submitted`.
 */
import { expect } from 'vitest';
import { ApiClient, attachPdf } from './api-client.js';
import { PRODUCT_DOCUMENTS, PROGRAM, productFields, uscc } from './qingdao.js';

/** A provider registered in a district, with a complete product-track draft. */
export async function draftApplication(
  app: ApiClient['app'],
  org: string,
  options: { name: string; region: string },
) {
  const provider = await ApiClient.signIn(app, { role: 'provider', tenant: 'qingdao', org });
  expect((await provider.put(`/api/tenants/qingdao/orgs/${org}`, options)).status).toBe(200);
  const created = await provider.post<{ id: string }>('/api/tenants/qingdao/applications', {
    programId: PROGRAM,
    track: 'product',
    industries: ['auto-parts'],
    fields: productFields,
  });
  expect(created.status).toBe(201);
  return { provider, id: created.body.id };
}

/** A Qingdao product draft of provider `n` (its organization registered in `region`). */
export interface Drafted {
  provider: ApiClient;
  id: string;
  org: string;
  /** The district its organization registered in: its district review's. */
  region: string;
}

export async function draftOf(app: ApiClient['app'], n: number, region = 'laoshan') {
  const org = uscc(n);
  const { provider, id } = await draftApplication(app, org, { name: `审核测试公司${n}`, region });
  return { provider, id, org, region };
}

/** Carried to `submitted`: a new draft of provider `n` in `region`, or the draft given. */
export async function submittedApplication(
  app: ApiClient['app'],
  from: number | Drafted,
  region = 'laoshan',
): Promise<Drafted> {
  const drafted = typeof from === 'number' ? await draftOf(app, from, region) : from;
  const { provider, id } = drafted;
  for (const kind of PRODUCT_DOCUMENTS) await attachPdf(provider, 'qingdao', id, kind);
  expect((await provider.post(`/api/tenants/qingdao/applications/${id}/submit`)).status).toBe(200);
  return drafted;
}
