/**
 * Drawing an expert panel at random, so that anyone can re-run the draw: the seed's
 * SHA-256 is recorded before the draw and the seed after it; the draw is a Fisher–Yates
 * shuffle of the eligible experts (sorted, conflicts excluded) whose randomness is
 * HMAC-SHA256(seed, "<applicationId>:<i>").
 */
import { createHash, createHmac } from 'node:crypto';
import { TooFewExpertsError } from '../errors.js';

export const seedHashOf = (seed: string) => createHash('sha256').update(seed, 'utf8').digest('hex');

/** The experts that may be drawn: the pool, without the excluded, in a fixed order. */
export function eligibleExperts(pool: readonly string[], exclude: readonly string[]): string[] {
  const excluded = new Set(exclude);
  return [...new Set(pool)].filter((id) => !excluded.has(id)).sort();
}

/** The first `count` experts of the seeded shuffle of the eligible ones. */
export function drawPanel(input: {
  seed: string;
  applicationId: string;
  eligible: readonly string[];
  count: number;
}): string[] {
  const order = [...input.eligible];
  if (order.length < input.count) throw new TooFewExpertsError(order.length, input.count);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const digest = createHmac('sha256', input.seed).update(`${input.applicationId}:${i}`).digest();
    const j = digest.readUIntBE(0, 6) % (i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order.slice(0, input.count);
}
