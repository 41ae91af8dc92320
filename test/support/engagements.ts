/**
 * Engagements as supervision scenarios need them: an enterprise's client and a registration
 * from a member, through the API as the parties take it.
 */
import type { testApp } from '@sme/api/testing';
import { type Answer, ApiClient } from './api-client.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

export interface EngagementJson {
  id: string;
  status: string;
  uscc: string;
  enterpriseUscc: string;
  kind: string;
  milestones: {
    kind: string;
    confirmedAt?: string;
    documents: { documentId: string; status: string }[];
  }[];
  uploads?: { documentId: string; upload: { url: string; fields: Record<string, string> } }[];
  rating?: { satisfaction: string };
}

export const MILESTONES = [
  'plan',
  'works',
  'internal_acceptance',
  'assessment_acceptance',
] as const;

export const enterpriseClient = (harness: Harness, tenant: string, org: string) =>
  ApiClient.signIn(harness.app, { role: 'enterprise', tenant, org });

/** Registers an engagement of `provider` with `enterpriseUscc` from its contract. */
export function register(
  provider: ApiClient,
  tenant: string,
  enterpriseUscc: string,
  kind: 'transformation' | 'assessment' = 'transformation',
  extra: Record<string, unknown> = {},
): Promise<Answer<EngagementJson>> {
  return provider.post<EngagementJson>(`/api/tenants/${tenant}/engagements`, {
    enterpriseUscc,
    kind,
    title: kind === 'transformation' ? '生产管理系统数字化改造' : '数字化水平评测验收',
    contractSignedAt: '2025-02-20',
    amount: 280000,
    ...extra,
  });
}
