/**
 * How long uploaded documents (credit reports, attachments) are kept before storage
 * deletes them. No notice fixes a period, so a tenant states the clauses its period
 * must outlast; the deployment turns it into the bucket's lifecycle rule for the
 * tenant's objects. A tenant without one keeps documents until deleted by hand.
 */
import { z } from 'zod';
import { SourceSchema } from './common.schema.js';

export const RetentionSchema = z.strictObject({
  documents: z.strictObject({
    /** Whole years after upload. */
    years: z.number().int().min(1).max(30),
    /** The clauses the period has to outlast, e.g. a ban the documents may prove. */
    source: SourceSchema,
    /** Why this many years, in a sentence an official can check. */
    reading: z.string().min(1),
  }),
});

export type Retention = z.output<typeof RetentionSchema>;
