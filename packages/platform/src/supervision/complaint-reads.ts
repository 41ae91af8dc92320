/**
 * What the parties read of complaints, newest first: the enterprise its own (found under
 * the providers that serve it, since a complaint needs an engagement), the provider
 * those about itself, the bureau every complaint of its tenant (the tenant's board
 * keeps one item per complaint, so one query finds them all).
 */
import type { Complaint, ResolvedTenant } from '@sme/core';
import { tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import { assertActsAs } from './service-access.js';
import { assertSupervisor, type SupervisionDeps } from './supervision-deps.js';

/** A case's META item as its state: the keys of the index stripped. */
export function caseState<C>(item: Record<string, unknown>): C {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...state } = item;
  return state as C;
}

const newestFirst = (a: Complaint, b: Complaint) => b.createdAt.localeCompare(a.createdAt);

export class ComplaintReads {
  constructor(private readonly deps: SupervisionDeps) {}

  /** The complaints the enterprise filed. */
  async ofEnterprise(tenant: ResolvedTenant, claims: Claims): Promise<Complaint[]> {
    const enterprise = assertActsAs(claims, tenant, 'enterprise');
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const providers = new Set((await repo.engagementsOf(ctx, enterprise)).map((e) => e.uscc));
    const lists = await Promise.all(
      [...providers].map((uscc) => repo.casesOf(ctx, uscc, 'complaint')),
    );
    return lists
      .flat()
      .map((item) => caseState<Complaint>(item))
      .filter((c) => c.enterpriseUscc === enterprise)
      .sort(newestFirst);
  }

  /** The complaints about the provider the caller acts for. */
  async ofProvider(tenant: ResolvedTenant, claims: Claims): Promise<Complaint[]> {
    const uscc = assertActsAs(claims, tenant, 'provider');
    const items = await this.deps.supervision.casesOf(tenantContext(tenant), uscc, 'complaint');
    return items.map((item) => caseState<Complaint>(item)).sort(newestFirst);
  }

  /** Every complaint of the tenant, for its bureau. */
  async all(tenant: ResolvedTenant, claims: Claims): Promise<Complaint[]> {
    assertSupervisor(claims, tenant);
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const { complaints } = await repo.board(ctx);
    const found = await Promise.all(complaints.map((c) => repo.complaints.get(ctx, c.id)));
    return found.filter((c): c is Complaint => !!c).sort(newestFirst);
  }
}
