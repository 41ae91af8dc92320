import { beforeAll, describe, expect, it } from 'vitest';
import { TransactionRefusedError } from '../errors.js';
import { createTestStore } from '../local-store.test-support.js';
import type { TenantTable } from '../table/tenant-table.js';
import { enterprisePk, exclusiveClaimOp } from './engagement-items.js';

const ctx = { tenant: 'qingdao', province: 'shandong' };
const claim = (service: string, engagementId: string) =>
  exclusiveClaimOp(ctx, {
    rule: 'no-self-acceptance',
    service,
    providerUscc: 'P',
    enterpriseUscc: 'E',
    engagementId,
  });

let table: TenantTable;

beforeAll(async () => {
  table = (await createTestStore()).table;
});

describe('an exclusive-service claim', () => {
  it('is kept by every engagement of the same service and refused to another service', async () => {
    await table.transact(ctx, [claim('transformation', 'e-1')]);
    await table.transact(ctx, [claim('transformation', 'e-2')]);
    const refused = await table.transact(ctx, [claim('acceptance', 'e-3')]).catch((e) => e);
    expect(refused).toBeInstanceOf(TransactionRefusedError);
    expect((refused as TransactionRefusedError).conditionFailed(0)).toBe(true);
    expect(
      await table.get(ctx, enterprisePk(ctx, 'E'), 'EXCLUSIVE#no-self-acceptance#P'),
    ).toMatchObject({ service: 'transformation', firstEngagement: 'e-1', engagements: 2 });
  });

  it('binds one provider only: another provider takes the other service', async () => {
    const other = exclusiveClaimOp(ctx, {
      rule: 'no-self-acceptance',
      service: 'acceptance',
      providerUscc: 'Q',
      enterpriseUscc: 'E',
      engagementId: 'e-4',
    });
    await expect(table.transact(ctx, [other])).resolves.toBeUndefined();
  });
});
