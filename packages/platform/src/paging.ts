/**
 * One listing made of several (the programs of a tenant, the roles of a caller), paged
 * with one opaque cursor: which listing, and the store's cursor within it. Only the
 * shape issued here is accepted (`400 invalid_cursor` otherwise); the store checks that
 * its own cursor belongs to that listing.
 */
import {
  decodeCursorValue,
  encodeCursorValue,
  InvalidCursorError,
  MAX_CURSOR_LENGTH,
  type Page,
} from '@sme/store';

interface AcrossCursor {
  /** Which listing. */
  p: number;
  /** The store's cursor within it. */
  c?: string;
}

/** Holds the store's cursor inside it, so it may be a little longer than one. */
const MAX_ACROSS_CURSOR_LENGTH = 2 * MAX_CURSOR_LENGTH;

function decode(cursor: string | undefined, listings: number): AcrossCursor {
  if (!cursor) return { p: 0 };
  const value = decodeCursorValue(cursor, MAX_ACROSS_CURSOR_LENGTH);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidCursorError();
  }
  const { p, c, ...rest } = value as Record<string, unknown>;
  const known = Object.keys(rest).length === 0;
  const listing = typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < listings;
  const within = c === undefined || (typeof c === 'string' && c.length > 0);
  if (!known || !listing || !within) throw new InvalidCursorError();
  return c === undefined ? { p } : { p, c };
}

/** One page of the listings read in turn; `next` goes on where this one stopped. */
export async function pageAcross<T>(
  listings: readonly ((cursor: string | undefined) => Promise<Page<T>>)[],
  cursor: string | undefined,
): Promise<Page<T>> {
  const at = decode(cursor, listings.length);
  const read = listings[at.p];
  if (!read) return { items: [] };
  const page = await read(at.c);
  const next = page.next
    ? encodeCursorValue({ p: at.p, c: page.next })
    : at.p + 1 < listings.length
      ? encodeCursorValue({ p: at.p + 1 })
      : undefined;
  return { items: page.items, ...(next && { next }) };
}
