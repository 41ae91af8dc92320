/**
 * Province-wide bans (API.md "The province"): a `province_admin` bans an organization
 * until an instant; every city of the province then refuses it.
 */
import {
  formatShanghai,
  InvalidUsccError,
  isValidUscc,
  parseInstant,
  type ResolvedTenant,
} from '@sme/core';
import type { Ban } from '@sme/store';
import { tenantContext } from '@sme/store';
import { assertProvinceAdmin } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import type { Services } from '../applications/services.js';
import { InvalidRequestError } from '../errors.js';

const view = (ban: Ban) => ({
  ...ban,
  until: formatShanghai(new Date(ban.until)),
  createdAt: formatShanghai(new Date(ban.createdAt)),
});

export class BanCommands {
  constructor(private readonly services: Services) {}

  async add(
    tenant: ResolvedTenant,
    claims: Claims,
    input: { uscc: string; reason: string; until: string },
  ) {
    assertProvinceAdmin(claims, tenant);
    if (!isValidUscc(input.uscc)) throw new InvalidUsccError(input.uscc);
    const until = parseInstant(input.until);
    const now = this.services.clock.now();
    if (until <= now) {
      throw new InvalidRequestError(
        'until_in_past',
        { zh: '禁入截止时间须晚于当前时间', en: 'until must be in the future' },
        'until',
      );
    }
    const ban: Ban = {
      id: this.services.newId(),
      uscc: input.uscc,
      reason: input.reason.trim(),
      until: until.toISOString(),
      createdAt: now.toISOString(),
      createdBy: claims.sub,
    };
    await this.services.bans.add(tenantContext(tenant), ban);
    return view(ban);
  }

  async list(tenant: ResolvedTenant, claims: Claims, cursor: string | undefined) {
    assertProvinceAdmin(claims, tenant);
    const page = await this.services.bans.list(tenantContext(tenant), { cursor });
    return { items: page.items.map(view), ...(page.next && { next: page.next }) };
  }
}
