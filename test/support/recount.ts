/**
 * Qingdao's applications of the call counted by status from the listing itself, every
 * page: what the province's counters must equal.
 */
import type { testApp } from '@sme/api/testing';
import { APPLICATION_STATUSES } from '@sme/core';
import { PROGRAM, QINGDAO_CTX } from './qingdao.js';

export async function recountQingdao(
  harness: Awaited<ReturnType<typeof testApp>>,
): Promise<Record<string, number>> {
  const { apps } = harness.platform.repositories;
  const counts: Record<string, number> = {};
  for (const status of APPLICATION_STATUSES) {
    let n = 0;
    let cursor: string | undefined;
    do {
      const page = await apps.list(
        QINGDAO_CTX,
        { programId: PROGRAM, status },
        { cursor, limit: 100 },
      );
      n += page.items.length;
      cursor = page.next;
    } while (cursor);
    counts[status] = n;
  }
  return counts;
}
