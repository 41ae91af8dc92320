/**
 * Request bodies that an API route and a portal form both validate with, so a page
 * refuses exactly what the API would. Apart from the routes, so the portal's function
 * carries the schemas and not the routes around them.
 */
import { z } from '@hono/zod-openapi';
import { SafeId } from '../applications/application.schemas.js';

const Text = (max: number) => z.string().trim().min(2).max(max);

/** A reviewer's decision on a manual stage. */
export const DecisionBody = z
  .object({
    stage: z.string().min(1).max(64).openapi({ example: 'district-review' }),
    outcome: z.enum(['pass', 'return', 'reject']),
    comment: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .openapi({ example: '材料真实完整，符合条件，同意推荐。' }),
  })
  .openapi('Decision');

/** An objection as the public sends it; the notice's page validates its form with it too. */
export const ObjectionBody = z.object({
  applicationId: SafeId,
  reason: z.string().trim().min(5).max(2000),
  contact: z.string().trim().min(3).max(200),
});

/** The yearly update's body; the portal's form checks its fields with the same schema. */
export const ProfileBody = z.object({
  contact: z.object({
    name: Text(50),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{7,20}$/),
    email: z.string().trim().email().max(100).optional(),
  }),
  teamSize: z.number().int().min(1).max(100_000),
  offerings: Text(5000),
  changes: Text(2000),
});
