/**
 * What an upheld appeal against a grade undoes beside the grade, on DynamoDB Local with
 * the moved clock. No seed notice lets Jinan's or the province's members appeal (only
 * Jining's 004 §三(三) does), so each runs here with an appeal rule as another city
 * could set it, with a window of 10 days from the decision: Jinan's removal proposal
 * after two unqualified years (000 §四(三)) withdrawn; the province's order to rectify
 * after an unqualified grade (001 §五(三)) annulled with the member's status before.
 */
import { testApp } from '@sme/api/testing';
import type { ResolvedTenant } from '@sme/core';
import { describe, expect, it } from 'vitest';
import type { ApiClient, Json } from '../../support/api-client.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { moveClock } from '../../support/review-walk.js';

const appealRule = {
  id: 'test-appeals',
  kind: 'appeal' as const,
  name: { zh: '申诉', en: 'Appeals' },
  grounds: [{ id: 'other', zh: '其他情况', en: 'Other circumstances', source: 'test' }],
  window: { days: 10, calendar: 'natural' as const, source: 'test' },
  source: 'test (a rule another city could set)',
};

/** The real tenants, `id` also letting its members appeal. */
const withAppeals = (id: string) => (tenants: ResolvedTenant[]) =>
  tenants.map((t) =>
    t.id === id
      ? {
          ...t,
          supervision: {
            ...t.supervision,
            rules: [...t.supervision.rules, appealRule],
          },
        }
      : t,
  ) as ResolvedTenant[];

type Task = { taskId: string; kind: string; applicationId: string };
type Row = { uscc: string; status: string; grade?: string; annulled?: Json };

const appeal = (client: ApiClient, T: string, id: string) =>
  client.post<{ id: string }>(`${T}/appeals`, {
    subject: { kind: 'evaluation', id },
    ground: 'other',
    detail: '服务记录漏登，评价依据不全',
  });

describe('Jinan: an appeal against the second unqualified year', () => {
  it('withdraws the grade and the removal proposal it opened; the first year is past its window', async () => {
    const T = '/api/tenants/jinan';
    const harness = await testApp({
      start: '2025-01-10T10:00:00+08:00',
      tenants: withAppeals('jinan'),
    });
    const province = await supervisorOf(harness, 'shandong');
    const city = await supervisorOf(harness, 'jinan');
    const uscc = await listMember(harness, 'jinan', 'dx-providers', 461);
    const member = await memberClient(harness, 'jinan', uscc);
    const failYear = async (year: number, publishAt: string) => {
      expect((await province.post(`${T}/evaluations`, { year })).status).toBe(201);
      const scored = await province.put(`${T}/evaluations/${year}/members/${uscc}/scores`, {
        scores: { 'service-evaluation': 40 },
      });
      expect(scored.status).toBe(200);
      await moveClock(harness, publishAt);
      expect((await province.post(`${T}/evaluations/${year}/publish`)).status).toBe(200);
    };
    await failYear(2024, '2025-01-18T00:00:00+08:00');
    await moveClock(harness, '2026-01-12T09:00:00+08:00');
    await failYear(2025, '2026-01-20T00:00:00+08:00');
    const proposals = async () =>
      (await city.get<{ items: Task[] }>(`${T}/tasks`)).body.items.filter(
        (t) => t.applicationId === uscc && t.kind === 'disqualification_proposal',
      );
    expect(await proposals()).toHaveLength(1);

    const late = await appeal(member, T, `2024-${uscc}`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'appeal_window_closed' });
    // Ten days from the publication of 20 January 2026, 00:00: to the 30th, 24:00.
    await moveClock(harness, '2026-01-30T23:59:59+08:00');
    const lodged = await appeal(member, T, `2025-${uscc}`);
    expect(lodged.status).toBe(201);
    const decided = await city.post(`${T}/appeals/${lodged.body.id}/decision`, {
      upheld: true,
      comment: '漏登的服务记录已核实，撤销该年度评价结果',
    });
    expect(decided.status).toBe(200);

    expect(await proposals()).toEqual([]);
    const year = await province.get<{ members: Row[] }>(`${T}/evaluations/2025`);
    expect(year.body.members.find((m) => m.uscc === uscc)).toMatchObject({
      status: 'annulled',
      annulled: { grade: 'unqualified', consequence: { kind: 'removal_proposal' } },
    });
    const page = await city.get<{ status: string; latestGrade: Json }>(`${T}/members/${uscc}`);
    expect(page.body).toMatchObject({
      status: 'active',
      latestGrade: { year: 2024, grade: 'unqualified' },
    });
  });
});

describe('the province: an appeal against an unqualified grade that ordered rectification', () => {
  it('annuls the order with the grade and makes the member active again', async () => {
    const T = '/api/tenants/shandong';
    const harness = await testApp({
      start: '2025-03-02T10:00:00+08:00',
      tenants: withAppeals('shandong'),
    });
    const bureau = await supervisorOf(harness, 'shandong');
    const uscc = await listMember(harness, 'shandong', 'provider-pool', 471);
    const member = await memberClient(harness, 'shandong', uscc);
    const updated = await member.put(`${T}/members/${uscc}/profile`, {
      contact: { name: '王经理', phone: '0531-8888 0000' },
      teamSize: 42,
      offerings: '工业互联网平台部署与数据采集服务',
      changes: '本年度无变更',
    });
    expect(updated.status).toBe(200);
    await moveClock(harness, '2025-12-15T09:00:00+08:00');
    expect((await bureau.post(`${T}/evaluations`, { year: 2025 })).status).toBe(201);
    await bureau.put(`${T}/evaluations/2025/members/${uscc}/scores`, {
      scores: { quantitative: 55 },
    });
    await moveClock(harness, '2025-12-23T00:00:00+08:00');
    expect((await bureau.post(`${T}/evaluations/2025/publish`)).status).toBe(200);
    type Page = { status: string; rectifications: { id: string; status: string }[] };
    const before = await bureau.get<Page>(`${T}/members/${uscc}`);
    expect(before.body.status).toBe('rectifying');
    const [order] = before.body.rectifications;

    const lodged = await appeal(member, T, `2025-${uscc}`);
    expect(lodged.status).toBe(201);
    const againstOrder = await member.post(`${T}/appeals`, {
      subject: { kind: 'rectification', id: order?.id },
      ground: 'other',
      detail: '整改依据的评价结果有误',
    });
    expect(againstOrder.body).toMatchObject({ code: 'appeal_pending' });
    const decided = await bureau.post(`${T}/appeals/${lodged.body.id}/decision`, {
      upheld: true,
      comment: '评分有误，撤销该年度评价结果及整改要求',
    });
    expect(decided.status).toBe(200);
    const after = await bureau.get<Page>(`${T}/members/${uscc}`);
    expect(after.body.status).toBe('active');
    expect(after.body.rectifications).toEqual([
      expect.objectContaining({ id: order?.id, status: 'annulled' }),
    ]);
  });
});
