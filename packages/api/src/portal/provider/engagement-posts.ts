/**
 * What the engagement pages' posts share: reading a form or the upload script's JSON
 * (the same fields, with the declarations of the chosen PDFs), turning the platform's
 * refusal into what the form shows or the script reads (`{ code, message: { zh, en } }`),
 * and the uploads answered to the script, each with the URL that completes (verifies)
 * it.
 */
import { DomainError, type LocalizedText } from '@sme/core';
import { InvalidRequestError } from '@sme/platform';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { STATUS_OF_KIND } from '../../problem/problem-details.js';
import type { FieldErrors } from '../forms/form-errors.js';
import type { FormState } from './engagement-forms.js';

/** A posted body: a form, or the upload script's JSON (the same fields and `documents`). */
export async function posted(
  c: Context,
): Promise<{ json: boolean; body: Record<string, unknown> }> {
  const json = (c.req.header('content-type') ?? '').startsWith('application/json');
  const body = json ? await c.req.json().catch(() => ({})) : await c.req.parseBody();
  return { json, body: typeof body === 'object' && body ? (body as Record<string, unknown>) : {} };
}

export const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The platform's refusal as the form shows it: beside its field, or above the form. */
export function refusalState(
  error: unknown,
  values: Record<string, string>,
  fields: readonly string[],
): FormState & { code: string; status: ContentfulStatusCode } {
  if (!(error instanceof DomainError) || ['forbidden', 'unauthorized'].includes(error.kind))
    throw error;
  const field = error instanceof InvalidRequestError ? error.path?.split('.')[0] : undefined;
  const at = { code: error.code, status: STATUS_OF_KIND[error.kind] };
  if (field && fields.includes(field)) return { ...at, values, errors: { [field]: error.detail } };
  return { ...at, values, errors: {}, problem: error.detail };
}

/** A refusal as the upload script reads it: `{ code, message: { zh, en } }`. */
function jsonRefusal(
  c: Context,
  code: string,
  message: LocalizedText,
  status: ContentfulStatusCode = 422,
) {
  return c.json({ code, message }, status as 422);
}

/** A refusal of the platform, answered to the script or drawn on the page. */
export function jsonOf(c: Context, state: ReturnType<typeof refusalState>) {
  const message = state.problem ?? Object.values(state.errors)[0] ?? { zh: '', en: '' };
  return jsonRefusal(c, state.code, message, state.status);
}

/** The uploads of what was just declared, each with the URL completing it. */
export function tickets(
  base: string,
  uploads: readonly { documentId: string; upload: unknown }[],
  next: string,
) {
  return {
    uploads: uploads.map((u) => ({
      ...u,
      complete: `${base}/documents/${encodeURIComponent(u.documentId)}/complete`,
    })),
    next,
  };
}

/** The amount as typed (`280,000`), a number when it reads as one. */
export function amountOf(typed: string): number | string | undefined {
  const bare = typed.replace(/[,，\s]/g, '');
  if (bare === '') return undefined;
  const n = Number(bare);
  return Number.isFinite(n) ? n : typed;
}

/** A body the schema refuses, as the script reads it: the first field's message. */
export function invalidJson(c: Context, errors: FieldErrors) {
  const first = Object.values(errors)[0] ?? { zh: '请求无效', en: 'Not a valid request' };
  return jsonRefusal(c, 'validation_failed', first);
}

/** A document that failed its verification (checksum, not a PDF, missing), to the script. */
export function completeRefusal(c: Context, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  return jsonRefusal(c, error.code, error.detail, STATUS_OF_KIND[error.kind]);
}
