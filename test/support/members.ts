/**
 * Members of a pool as supervision scenarios need them. A listing is written as the
 * publish stage writes it (its pool entry, on DynamoDB Local); the walk that earns it is
 * tested on its own (qingdao-to-listed), so supervision starts from a listed provider.
 */
import type { testApp } from '@sme/api/testing';
import { type PoolEntry, poolItem } from '@sme/store';
import { ApiClient } from './api-client.js';
import { uscc } from './qingdao.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

const PROVINCE = 'shandong';

/** Lists organization `n` in a tenant's program; answers its USCC. */
export async function listMember(
  harness: Harness,
  tenant: string,
  programId: string,
  n: number,
  listedAt = '2024-01-10T02:00:00.000Z',
  /** What the listing says beyond the defaults: its category, industries, district. */
  listing: Partial<Pick<PoolEntry, 'category' | 'industries' | 'region'>> = {},
): Promise<string> {
  const org = uscc(n);
  const ctx = { tenant, province: PROVINCE };
  const entry: PoolEntry = {
    applicationId: `listed-${tenant}-${n}`,
    orgName: `监管测试公司${n}`,
    uscc: org,
    region: 'rencheng',
    industries: [],
    programId,
    listedAt,
    ...listing,
  };
  await harness.store.table.put(ctx, poolItem(ctx, entry));
  return org;
}

export const supervisorOf = (harness: Harness, tenant: string) =>
  ApiClient.signIn(harness.app, {
    role: tenant === PROVINCE ? 'province_admin' : 'city_admin',
    tenant,
  });

export const memberClient = (harness: Harness, tenant: string, org: string) =>
  ApiClient.signIn(harness.app, { role: 'provider', tenant, org });
