/**
 * Probes as supervision scenarios write them: what every refusal must carry (a stable
 * `code`, Chinese and English), a Jining member serving a pilot firm, and an engagement
 * walked to acceptance, through the API as the parties take it.
 */
import type { testApp } from '@sme/api/testing';
import { expect } from 'vitest';
import type { Answer, ApiClient } from './api-client.js';
import { enterpriseClient, register } from './engagements.js';
import { listMember, memberClient } from './members.js';
import { uscc } from './qingdao.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

const JN = '/api/tenants/jining';
const STEPS = ['contract', 'plan', 'works', 'internal_acceptance', 'assessment_acceptance'];

/** A refusal as users must read it: its status, a stable code, Chinese and English. */
export function refused(answer: Answer<unknown>, status: number, code?: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toMatchObject({ code: code ?? expect.any(String) });
  const text = JSON.stringify(answer.body);
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
}

/** Jining member `n` serving pilot firm `n + 50`, with both clients and the engagement. */
export async function served(harness: Harness, n: number) {
  const org = await listMember(harness, 'jining', 'dx-providers', n);
  const provider = await memberClient(harness, 'jining', org);
  const firm = uscc(n + 50);
  const enterprise = await enterpriseClient(harness, 'jining', firm);
  const engagement = await register(provider, 'jining', firm);
  expect(engagement.status).toBe(201);
  return { org, provider, firm, enterprise, id: engagement.body.id, engagement: engagement.body };
}

/** Walks a Jining engagement (no documents) to `accepted`. */
export async function accepted(provider: ApiClient, enterprise: ApiClient, id: string) {
  const at = `${JN}/engagements/${id}`;
  for (const kind of STEPS) {
    if (kind !== 'contract')
      expect(
        (await provider.post(`${at}/milestones`, { kind, summary: `${kind} 已完成` })).status,
      ).toBe(201);
    expect((await enterprise.post(`${at}/milestones/${kind}/confirm`)).status).toBe(200);
  }
}
