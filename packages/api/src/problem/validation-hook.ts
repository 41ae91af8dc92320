/**
 * The validation failure of every route: 422 problem details with one entry per zod
 * issue, instead of zod-openapi's default 400 with the issues as a string.
 */
import { formatPath } from '@sme/core';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { problem } from './problem-details.js';

export function validationHook(
  result: { success: true } | { success: false; error: ZodError },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  return problem(
    c,
    422,
    'validation_failed',
    { zh: '请求内容不符合要求', en: 'The request is not valid' },
    result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  );
}
