/**
 * An organization's inbox (`GET /api/tenants/{t}/inbox`): what the platform left for
 * the provider or enterprise signed in, in its own tenant, newest first.
 */
import type { ResolvedTenant } from '@sme/core';
import { type InboxMessage, type InboxRepository, type Page, tenantContext } from '@sme/store';
import { assertActsIn } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';

export class Inbox {
  constructor(private readonly deps: { inbox: InboxRepository }) {}

  async list(tenant: ResolvedTenant, claims: Claims, cursor?: string): Promise<Page<InboxMessage>> {
    if (!claims.org)
      throw new ForbiddenError({
        zh: '仅企业用户有消息箱',
        en: 'Only organizations have an inbox',
      });
    assertActsIn(claims, tenant, claims.org);
    return this.deps.inbox.list(tenantContext(tenant), claims.org, { cursor });
  }
}
