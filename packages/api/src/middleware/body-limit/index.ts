/**
 * `requestBodyLimit()`: hono's `bodyLimit`, refusing with our problem details. The API
 * takes JSON only (files go straight to S3 through a presigned POST), and its largest
 * real body, an application form, is a few kilobytes: 1 MiB leaves room for any form
 * and keeps one request from holding megabytes of a Lambda's memory.
 *
 * hono ≥ 4.13 counts a body without Content-Length (chunked) before the route runs, so
 * no handler sees an oversized body either way. Requests that carry no content we read
 * (GET, HEAD, OPTIONS) pass without their body being touched.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from '../../problem/problem-details.js';
import { mayCarryContent } from '../request-content/index.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export function requestBodyLimit(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  const size = maxBytes % (1024 * 1024) === 0 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes} B`;
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      problem(c, 413, 'payload_too_large', {
        zh: `请求内容超过 ${size} 上限`,
        en: `The request body is larger than ${size}`,
      }),
  });
  // A body on a GET is never read, so it cannot hold memory; not asking for it keeps
  // the request lightweight.
  return (c, next) => (mayCarryContent(c) ? limit(c, next) : next());
}
