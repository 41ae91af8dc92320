/**
 * Applications whose counters share one of the 16 shards go into different transactions
 * of a write of many (a transaction touches an item once). Ids are random, so a test
 * drafts until it has such a pair (a draft is two requests) and walks through review
 * only the applications it uses, not every one drafted on the way.
 */
import { shardOf } from '@sme/store';
import type { Harness } from './review-walk.js';
import { type Drafted, draftOf } from './submitted.js';

/** Provider numbers from `first` on, one per draft. */
export function providerNumbers(first: number): () => number {
  let n = first - 1;
  return () => {
    n += 1;
    return n;
  };
}

/** Two drafts whose counters share a shard (17 drafts at most). */
export async function draftsSharingAShard(
  harness: Harness,
  next: () => number,
): Promise<[Drafted, Drafted]> {
  const drafts: Drafted[] = [];
  for (;;) {
    const draft = await draftOf(harness.app, next());
    const twin = drafts.find((d) => shardOf(d.id) === shardOf(draft.id));
    if (twin) return [twin, draft];
    drafts.push(draft);
  }
}

/** A draft whose counters share no shard with these applications'. */
export async function draftApart(
  harness: Harness,
  next: () => number,
  ...others: { id: string }[]
): Promise<Drafted> {
  const taken = new Set(others.map((o) => shardOf(o.id)));
  for (;;) {
    const draft = await draftOf(harness.app, next());
    if (!taken.has(shardOf(draft.id))) return draft;
  }
}
