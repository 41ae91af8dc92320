/**
 * RFC 9457 problem details: the one shape every error leaves the API in.
 */
import { escapeUnsafe } from '@sme/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldError {
  path: string;
  message: string;
  /** The rule or check that failed, where there is one. */
  code?: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  /** Stable, machine-readable; clients and tests match on it. */
  code: string;
  /** For people: Chinese first, then English. */
  detail?: string;
  errors?: FieldError[];
}

/** HTTP status of each stable error code; anything unlisted is a 422. */
const STATUS_OF_CODE: Record<string, ContentfulStatusCode> = {
  validation_failed: 422,
  invalid_body: 400,
  invalid_cursor: 400,
  too_deep: 400,
  payload_too_large: 413,
  invalid_characters: 422,
  invalid_id: 400,
  unauthorized: 401,
  forbidden: 403,
  tenant_scope: 403,
  not_found: 404,
  tenant_not_found: 404,
  program_not_found: 404,
  clock_backwards: 409,
  window_closed: 409,
  version_conflict: 409,
  invalid_transition: 409,
  not_editable: 409,
  stale_stage: 409,
  score_locked: 409,
  notice_closed: 409,
  objection_decided: 409,
  notice_not_found: 404,
  objection_not_found: 404,
  banned: 403,
  application_not_found: 404,
  document_not_found: 404,
  branch_not_found: 404,
  document_not_verified: 409,
  document_replaced: 409,
  panel_fixed: 409,
  panel_changed: 409,
  too_many_objections: 409,
  not_in_notice: 422,
  not_ready: 503,
  internal: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function statusOfCode(code: string): ContentfulStatusCode {
  return STATUS_OF_CODE[code] ?? 422;
}

/** Longest text a problem echoes: an id from a path may be long and hostile. */
const MAX_ECHO = 500;

/**
 * Text a problem shows, safe to echo: messages may quote ids from the request path,
 * which no body guard has seen, so control and bidirectional characters are written
 * out (`\u{202E}`) and the text is cut short.
 */
function shown(text: string): string {
  const safe = escapeUnsafe(text);
  return safe.length > MAX_ECHO ? `${safe.slice(0, MAX_ECHO)}…` : safe;
}

export function problemBody(
  status: number,
  code: string,
  detail?: { zh: string; en: string },
  errors?: FieldError[],
): ProblemDetails {
  return {
    type: `urn:sme-dx:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail && { detail: shown(`${detail.zh}（${detail.en}）`) }),
    ...(errors && {
      errors: errors.map((e) => ({ ...e, path: shown(e.path), message: shown(e.message) })),
    }),
  };
}

/** Sends problem details with the right media type. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail?: { zh: string; en: string },
  errors?: FieldError[],
): Response {
  return c.body(JSON.stringify(problemBody(status, code, detail, errors)), status, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}
