/**
 * Building blocks shared by every part of a tenant file.
 */
import { z } from 'zod';
import { isCalendarDate } from '../calendar/shanghai-time.js';

/** A stable identifier: lower-case words joined by hyphens (`chain-leader`). */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case id like "chain-leader"');

/** Text a user reads, Chinese first. */
export const LocalizedTextSchema = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Where a rule comes from: the seed notice's number and its clause, e.g. `002 §二(一)7`,
 * or the number alone for a whole notice. Anything after the clause is a note on how it
 * was read.
 */
export const SourceSchema = z
  .string()
  .regex(/^\d{3}( \S.*)?$/, 'expected "<seed> <clause>", e.g. "002 §二(一)7"');

/** A calendar date `YYYY-MM-DD` in Asia/Shanghai. */
export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'expected a real date YYYY-MM-DD' });

/** A clause quoted from a notice: a condition, a ground for rectification, … */
export const ClauseSchema = z.strictObject({
  id: IdSchema,
  /** The notice's own words. */
  zh: z.string().min(1),
  /** A faithful English rendering for the English view. */
  en: z.string().min(1),
  source: SourceSchema,
});
export type Clause = z.infer<typeof ClauseSchema>;

/**
 * A list whose items are unique by `key`; the error points at the second occurrence.
 * Applied on the list itself so it runs even when another part of the file is invalid.
 */
export function uniqueList<T extends z.ZodType>(item: T, key = 'id') {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((value, index) => {
      const id = (value as Record<string, unknown>)[key];
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, key],
          message: `duplicate ${key} "${String(id)}"`,
        });
      }
      seen.add(id);
    });
  });
}

/** An id with its display name. */
export const NamedSchema = z.strictObject({ id: IdSchema, name: LocalizedTextSchema });

/** An inclusive integer range (quotas, list counts). */
export const RangeSchema = z
  .strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
  .refine((range) => range.min <= range.max, {
    message: 'min must not exceed max',
    path: ['min'],
  });
