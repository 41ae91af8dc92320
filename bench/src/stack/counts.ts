/**
 * Qingdao's applications by status two ways: as the province's stats read them (the
 * counters the writes keep) and recounted from the application items themselves (every
 * page of the program's listing on DynamoDB Local, found through the stack's
 * `endpoints.json`). The goal: the two equal at every moment the review stands still.
 */
import type { App } from '@sme/api';
import { readStackEndpoints, type StackEndpoints } from '@sme/local';
import { ApplicationRepository, createTableClients, TenantTable } from '@sme/store';
import { ApiClient } from '../../../test/support/api-client.js';
import { PROGRAM } from '../../../test/support/qingdao.js';

export type ByStatus = Record<string, number>;

interface Stats {
  tenants: { tenant: string; programs: { programId: string; byStatus: ByStatus }[] }[];
}

/** What `GET /api/tenants/shandong/stats` says of Qingdao's call. */
export async function statsReader(app: App): Promise<() => Promise<ByStatus>> {
  const province = await ApiClient.signIn(app, { role: 'province_admin', tenant: 'shandong' });
  return async () => {
    const stats = await province.get<Stats>('/api/tenants/shandong/stats');
    if (stats.status !== 200) throw new Error(`stats: ${stats.status}`);
    const qingdao = stats.body.tenants.find((t) => t.tenant === 'qingdao');
    const program = qingdao?.programs.find((p) => p.programId === PROGRAM);
    return nonZero(program?.byStatus ?? {});
  };
}

/** The engines of the stack the benchmark started on `dataDir`. */
export async function stackEndpoints(dataDir: string): Promise<StackEndpoints> {
  const endpoints = await readStackEndpoints(dataDir);
  if (!endpoints) throw new Error(`no local stack runs on ${dataDir}`);
  return endpoints;
}

/** Every application item of Qingdao's call, counted by status. */
export async function recount(dataDir: string): Promise<ByStatus> {
  const { dynamodb, table } = await stackEndpoints(dataDir);
  const clients = createTableClients({ dynamodb });
  try {
    const apps = new ApplicationRepository(new TenantTable(clients.documents, table));
    const ctx = { tenant: 'qingdao', province: 'shandong' };
    const byStatus: ByStatus = {};
    let cursor: string | undefined;
    do {
      const page = await apps.list(ctx, { programId: PROGRAM }, { cursor, limit: 1000 });
      for (const app of page.items) byStatus[app.status] = (byStatus[app.status] ?? 0) + 1;
      cursor = page.next;
    } while (cursor);
    return byStatus;
  } finally {
    clients.dynamodb.destroy();
  }
}

export const nonZero = (counts: ByStatus): ByStatus =>
  Object.fromEntries(
    Object.entries(counts)
      .filter(([, n]) => n !== 0)
      .sort(),
  );

export const same = (a: ByStatus, b: ByStatus) =>
  JSON.stringify(nonZero(a)) === JSON.stringify(nonZero(b));

export const show = (counts: ByStatus) =>
  Object.entries(nonZero(counts))
    .map(([status, n]) => `${status} ${n}`)
    .join(', ') || 'none';
