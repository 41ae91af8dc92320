/**
 * Issue 9, defect 6: the history chain proves what was submitted. `pnpm audit:verify`
 * (and the staff route) recompute every chain of a Qingdao walk to the pool, and name
 * the exact event when one stored event, or a document behind the latest one, is
 * altered in the table.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testApp } from '@sme/api/testing';
import { localDynamoDbEndpoint } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client.js';
import { OPEN_AT } from '../../support/qingdao.js';
import { atPublicity, type Harness, moveClock, publishNotice } from '../../support/review-walk.js';

const run = promisify(execFile);
let harness: Harness;
let cityAdmin: ApiClient;
const walked: string[] = [];

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  cityAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });
  for (const [n, region] of [
    [96_001, 'laoshan'],
    [96_002, 'shibei'],
  ] as const)
    walked.push((await atPublicity(harness, n, region)).id);
  await moveClock(harness, '2024-02-08T10:00:00+08:00');
  await publishNotice(cityAdmin, walked);
  await moveClock(harness, '2024-02-22T00:00:00+08:00');
}, 90_000);

type Audit = { ok: boolean; events: number; seq?: number; reason?: string };
const auditOf = async (id: string) =>
  (await cityAdmin.get<Audit>(`/api/tenants/qingdao/applications/${id}/audit`)).body;

/** The CLI, against the test's own DynamoDB Local table. */
async function cli(id: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'packages/local/src/cli/audit-verify.ts', 'qingdao', id],
      {
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: localDynamoDbEndpoint(),
          TABLE_NAME: harness.store.table.tableName,
        },
      },
    );
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
}

/** Changes one stored item behind the platform's back. */
const tamper = (
  key: { pk: string; sk: string },
  expression: string,
  values: Record<string, unknown>,
) =>
  harness.store.table.transact({ tenant: 'qingdao', province: 'shandong' }, [
    { update: key, expression, values },
  ]);

describe('auditing the history chain', () => {
  it('holds for every application of the walk, listed at the end', async () => {
    for (const id of walked) {
      const audit = await auditOf(id);
      expect(audit).toMatchObject({ ok: true });
      expect(audit.events).toBeGreaterThan(15);
      expect(
        (await cityAdmin.get<{ status: string }>(`/api/tenants/qingdao/applications/${id}`)).body
          .status,
      ).toBe('listed');
    }
    const [first] = walked;
    const verified = await cli(first ?? '');
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('chain intact');
  }, 60_000);

  it('names the exact event altered in the table', async () => {
    const id = walked[0] ?? '';
    await tamper({ pk: `T#qingdao#APP#${id}`, sk: 'H#00000005' }, 'SET reason = :r', {
      ':r': '（被篡改的理由）',
    });
    expect(await auditOf(id)).toMatchObject({ ok: false, seq: 5, reason: 'hash_mismatch' });
    const broken = await cli(id);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('broken at event 5');
  }, 60_000);

  it('finds a document swapped behind the latest event', async () => {
    const id = walked[1] ?? '';
    const record = await cityAdmin.get<{ documents: { documentId: string }[] }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    await tamper(
      { pk: `T#qingdao#APP#${id}`, sk: `DOC#${record.body.documents[0]?.documentId}` },
      'SET sha256 = :s',
      { ':s': 'f'.repeat(64) },
    );
    expect(await auditOf(id)).toMatchObject({ ok: false, reason: 'content_mismatch' });
    // Only staff audit.
    const provider = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: '91350100M000100Y43',
    });
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}/audit`)).status).toBe(403);
  }, 60_000);
});
