/**
 * RFC 9457 problem details: the one shape every error leaves the API in.
 */
import { type DomainError, type ErrorKind, escapeUnsafe } from '@sme/core';
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

/** The HTTP status of each kind of refusal: the one place kinds become statuses. */
export const STATUS_OF_KIND: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 422,
  malformed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
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

export function statusOf(error: DomainError): ContentfulStatusCode {
  return STATUS_OF_KIND[error.kind];
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
