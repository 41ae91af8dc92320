import { describe, expect, it } from 'vitest';
import { InvalidIdError, TenantScopeError } from '../errors.js';
import { assertTenantKey, provinceKey, sharedKey, tenantKey } from './keys.js';

describe('keys', () => {
  it('prefixes tenant-owned keys with the tenant', () => {
    expect(tenantKey({ tenant: 'qingdao' }, 'APP', 'a1')).toBe('T#qingdao#APP#a1');
    expect(sharedKey('ORG', '91350100M000100Y43')).toBe('ORG#91350100M000100Y43');
  });

  it('refuses parts that could forge another key', () => {
    expect(() => tenantKey({ tenant: 'qingdao' }, 'APP#x')).toThrow(InvalidIdError);
    expect(() => tenantKey({ tenant: 'qing dao' }, 'APP')).toThrow(InvalidIdError);
    expect(() => tenantKey({ tenant: 'qingdao' }, '')).toThrow(InvalidIdError);
  });

  it('tells a key of the tenant from one of a tenant whose id it starts with', () => {
    expect(() => assertTenantKey({ tenant: 'qingdao' }, 'T#qingdao#APP#1')).not.toThrow();
    expect(() => assertTenantKey({ tenant: 'qing' }, 'T#qingdao#APP#1')).toThrow(TenantScopeError);
  });
});

describe('province-wide keys', () => {
  const qingdao = { tenant: 'qingdao', province: 'shandong' };

  it('keeps organizations and bans under the province, reachable from its cities', () => {
    expect(provinceKey(qingdao, 'ORG', '91350100M000100Y43')).toBe(
      'T#shandong#ORG#91350100M000100Y43',
    );
    expect(() => assertTenantKey(qingdao, 'T#shandong#ORG#91350100M000100Y43')).not.toThrow();
    expect(() => assertTenantKey(qingdao, 'T#shandong#BAN#91350100M000100Y43')).not.toThrow();
  });

  it("refuses the province's other items and another province's organizations", () => {
    expect(() => assertTenantKey(qingdao, 'T#shandong#APP#1')).toThrow(TenantScopeError);
    expect(() => assertTenantKey(qingdao, 'T#hebei#ORG#91350100M000100Y43')).toThrow(
      TenantScopeError,
    );
    expect(() =>
      assertTenantKey({ tenant: 'qingdao' }, 'T#shandong#ORG#91350100M000100Y43'),
    ).toThrow(TenantScopeError);
  });
});
