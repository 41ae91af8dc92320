/**
 * Applications for the burst: complete Qingdao product drafts, one organization each
 * (the scenario tests' `draftApplication` and `attachPdf`, over HTTP), then every one
 * submitted at a fixed concurrency, each submit timed and its answer's code kept.
 */
import type { App } from '@sme/api';
import { type ApiClient, attachPdf } from '../../../test/support/api-client.js';
import { PRODUCT_DOCUMENTS, uscc } from '../../../test/support/qingdao.js';
import { draftApplication } from '../../../test/support/submitted.js';

/** USCC numbers from here up: above the demo seed's and the other benchmarks'. */
const FIRST_PROVIDER = 100_000;
/** Districts the organizations are spread over (any registered region would do). */
const REGIONS = ['shinan', 'shibei', 'licang', 'laoshan', 'west-coast', 'chengyang'];

export interface Draft {
  provider: ApiClient;
  id: string;
}

/** Runs `work(i)` for i < count, at most `concurrency` at once. */
export async function pool(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** `count` complete drafts, ready to submit; `offset` keeps two populations apart. */
export async function prepareDrafts(
  app: App,
  count: number,
  options: { concurrency: number; offset?: number; regions?: readonly string[] },
): Promise<Draft[]> {
  const regions = options.regions ?? REGIONS;
  const drafts: Draft[] = new Array(count);
  await pool(count, options.concurrency, async (i) => {
    const n = FIRST_PROVIDER + (options.offset ?? 0) + i;
    const region = regions[i % regions.length] as string;
    const draft = await draftApplication(app, uscc(n), { name: `压测服务商${n}`, region });
    for (const kind of PRODUCT_DOCUMENTS)
      await attachPdf(draft.provider, 'qingdao', draft.id, kind);
    drafts[i] = draft;
  });
  return drafts;
}

export interface Submitted {
  /** Wall time of the whole burst. */
  ms: number;
  /** Each submit's latency, in order of completion. */
  latenciesMs: number[];
  /** Answers by code: `200`, or the problem's `code` after its status (`409 stale`). */
  byCode: Record<string, number>;
}

export async function submitAll(drafts: readonly Draft[], concurrency: number): Promise<Submitted> {
  const latenciesMs: number[] = [];
  const byCode: Record<string, number> = {};
  const started = performance.now();
  await pool(drafts.length, concurrency, async (i) => {
    const { provider, id } = drafts[i] as Draft;
    const sent = performance.now();
    let code: string;
    try {
      const answer = await provider.post<{ code?: string }>(
        `/api/tenants/qingdao/applications/${id}/submit`,
      );
      code = answer.status === 200 ? '200' : `${answer.status} ${answer.body.code ?? ''}`.trim();
    } catch (error) {
      code = `network ${(error as Error).name}`;
    }
    latenciesMs.push(performance.now() - sent);
    byCode[code] = (byCode[code] ?? 0) + 1;
  });
  return { ms: performance.now() - started, latenciesMs, byCode };
}

/** The value below which `p` of the values lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}
