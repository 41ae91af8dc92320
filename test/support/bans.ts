/**
 * A ban as the province records it (seed 001 §五(一)): the organization is barred from
 * applying in every city until `until`.
 */
import { expect } from 'vitest';
import { ApiClient } from './api-client.js';

export async function provinceBans(
  app: ApiClient['app'],
  uscc: string,
  ban: { reason: string; until: string } = {
    reason: '弄虚作假（001 §五(一)）',
    until: '2028-01-01T00:00:00+08:00',
  },
): Promise<ApiClient> {
  const province = await ApiClient.signIn(app, { role: 'province_admin', tenant: 'shandong' });
  const banned = await province.post('/api/tenants/shandong/bans', { uscc, ...ban });
  expect(banned.status).toBe(201);
  return province;
}
