/**
 * Errors on a page path answer as a page, never as JSON: the same kinds and codes as
 * the API's problem details, with the message in Chinese and English, the code for
 * whoever the person calls for help, and a way back. Without a session a page that
 * needs one sends the person to sign in and back again.
 */
import { DomainError, type ErrorKind, escapeUnsafe, type LocalizedText } from '@sme/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { STATUS_OF_KIND } from '../../problem/problem-details.js';
import { renderPage } from './page.js';

const HEADINGS: Record<ErrorKind | 'internal', LocalizedText> = {
  invalid: { zh: '提交的内容无法处理', en: 'The request cannot be processed' },
  malformed: { zh: '地址或参数有误', en: 'The address or its parameters are not valid' },
  unauthorized: { zh: '请先登录', en: 'Please sign in' },
  forbidden: { zh: '无权访问此页面', en: 'You may not open this page' },
  not_found: { zh: '未找到该页面', en: 'Page not found' },
  conflict: { zh: '操作未完成', en: 'Not done' },
  unavailable: { zh: '服务暂时不可用', en: 'Temporarily unavailable' },
  internal: { zh: '系统出现错误', en: 'Something went wrong' },
};

/** Where a page sends someone to sign in: the path's tenant's sign-in, then back here. */
export function signInPath(c: Context): string {
  const tenant = (c.get('tenant') as { id: string } | undefined)?.id;
  const back = new URL(c.req.url);
  const next =
    c.req.method === 'GET' ? `?next=${encodeURIComponent(back.pathname + back.search)}` : '';
  return tenant ? `/${tenant}/signin${next}` : '/signin';
}

function errorPage(
  c: Context,
  status: ContentfulStatusCode,
  kind: ErrorKind | 'internal',
  code: string,
  detail?: LocalizedText,
) {
  const heading = HEADINGS[kind];
  const tenant = (c.get('tenant') as { id: string } | undefined)?.id;
  const home = tenant ? `/${tenant}/` : '/';
  return renderPage(
    c,
    { title: heading.zh, status },
    <>
      <h1>
        {heading.zh} <span class="en">{heading.en}</span>
      </h1>
      {detail && (
        <div class="notice-box bad" role="alert">
          <p>{escapeUnsafe(detail.zh)}</p>
          <p class="en" lang="en">
            {escapeUnsafe(detail.en)}
          </p>
        </div>
      )}
      <p class="muted">
        错误代码 Error code: <code>{code}</code>
      </p>
      <p>
        <a href={home}>返回首页 Home</a>
      </p>
    </>,
  );
}

export function handlePageError(error: Error, c: Context): Response | Promise<Response> {
  if (error instanceof DomainError) {
    if (error.kind === 'unauthorized') return c.redirect(signInPath(c), 303);
    return errorPage(c, STATUS_OF_KIND[error.kind], error.kind, error.code, error.detail);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return errorPage(c, status, status === 413 ? 'invalid' : 'malformed', `http_${status}`, {
      zh: status === 413 ? '提交的内容过大' : '请求无法处理',
      en: error.message || 'The request cannot be handled',
    });
  }
  console.error(
    JSON.stringify({ level: 'error', msg: 'unhandled', error: String(error), stack: error.stack }),
  );
  return errorPage(c, 500, 'internal', 'internal', {
    zh: '请稍后再试；如果问题持续，请联系主管部门并告知错误代码。',
    en: 'Please try again later; if it persists, contact the bureau with the error code.',
  });
}

export function pageNotFound(c: Context) {
  return errorPage(c, 404, 'not_found', 'not_found', {
    zh: '请检查地址是否正确。',
    en: 'Check that the address is right.',
  });
}
