/**
 * The single place where errors become responses (hono `app.onError`): domain errors
 * keep their code; anything unexpected is logged and answered as a bare 500, so no
 * stack trace or internal message ever reaches a client.
 */
import { DomainError, type RuleViolation } from '@sme/core';
import { InvalidRequestError } from '@sme/platform';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problem, statusOf } from './problem-details.js';

/** Domain errors that list what was wrong (entry rules, incomplete submissions, fields). */
function hasViolations(error: DomainError): error is DomainError & { violations: RuleViolation[] } {
  return Array.isArray((error as { violations?: unknown }).violations);
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof InvalidRequestError && error.path) {
    return problem(c, statusOf(error), error.code, error.detail, [
      { path: error.path, message: error.detail.en },
    ]);
  }
  if (error instanceof DomainError && hasViolations(error)) {
    return problem(
      c,
      statusOf(error),
      error.code,
      error.detail,
      error.violations.map((v) => ({
        path: v.path,
        message: `${v.message.zh}（${v.message.en}）`,
        code: v.code,
      })),
    );
  }
  if (error instanceof DomainError) {
    return problem(c, statusOf(error), error.code, error.detail);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code =
      status === 400
        ? 'invalid_body'
        : status === 415
          ? 'unsupported_media_type'
          : `http_${status}`;
    return problem(c, status, code, {
      zh: '请求无法处理',
      en: error.message || 'The request cannot be handled',
    });
  }
  console.error(
    JSON.stringify({ level: 'error', msg: 'unhandled', error: String(error), stack: error.stack }),
  );
  return problem(c, 500, 'internal', { zh: '服务器内部错误', en: 'Internal server error' });
}
