/**
 * One file per enterprise (一企一档; API.md "Pilot enterprises": `GET
 * /enterprises/{uscc}/file`): its profile and needs, its listings as a pilot, and every
 * engagement a provider registered with it, each with its milestones (the assessments
 * among them) and its rating. For the enterprise itself and for staff whose scope
 * covers its district (`enterprise-access.ts`); a file with nothing in it is not found
 * for staff.
 */
import type { Engagement, ResolvedTenant } from '@sme/core';
import type { SupervisionRepository } from '@sme/store';
import type { Claims } from '../access/claims.js';
import { NotFoundError } from '../errors.js';
import { type EnterpriseRecordsDeps, readEnterprise } from './enterprise-access.js';

export class EnterpriseFiles {
  constructor(
    private readonly deps: EnterpriseRecordsDeps & {
      supervision: SupervisionRepository;
      engagements: { get(tenant: ResolvedTenant, id: string): Promise<Engagement> };
    },
  ) {}

  async read(tenant: ResolvedTenant, claims: Claims, uscc: string) {
    const { ctx, own, profile, registration, listings, district } = await readEnterprise(
      this.deps,
      tenant,
      claims,
      uscc,
      {
        zh: '一企一档仅向企业本身和辖区工作人员开放',
        en: "An enterprise's file is for the enterprise and the staff of its district",
      },
    );
    const summaries = await this.deps.supervision.engagementsOf(ctx, uscc);
    if (!own && !profile && !registration && listings.length === 0 && summaries.length === 0)
      throw new NotFoundError('unknown_enterprise', { zh: '该企业', en: 'The enterprise' });
    const engagements = await Promise.all(
      summaries.map((s) => this.deps.engagements.get(tenant, s.id)),
    );
    return {
      uscc,
      name: profile?.name ?? registration?.name ?? listings[0]?.orgName,
      region: district ?? profile?.region,
      kinds: profile?.kinds ?? [],
      needs: profile?.needs ?? [],
      ...(profile && { updatedAt: profile.updatedAt }),
      pilots: listings.map(({ programId, applicationId, listedAt, needs }) => ({
        programId,
        applicationId,
        listedAt,
        needs,
      })),
      engagements: engagements
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((e) => ({
          id: e.id,
          provider: { uscc: e.uscc, name: e.providerName },
          kind: e.kind,
          title: e.title,
          contractSignedAt: e.contractSignedAt,
          ...(e.amount !== undefined && { amount: e.amount }),
          status: e.status,
          milestones: e.milestones.map(({ kind, summary, at, confirmedAt }) => ({
            kind,
            summary,
            at,
            ...(confirmedAt && { confirmedAt }),
          })),
          ...(e.rating && {
            rating: {
              satisfaction: e.rating.satisfaction,
              comment: e.rating.comment,
              at: e.rating.at,
            },
          }),
        })),
    };
  }
}

export type EnterpriseFile = Awaited<ReturnType<EnterpriseFiles['read']>>;
