/**
 * `jsonGuard()`: refuses a JSON body before any route sees it when it nests too deep
 * (`400 too_deep`: zod and the handlers walk bodies recursively) or when a string in it,
 * key or value, carries a control or bidirectional formatting character
 * (`422 invalid_characters`, one error per string, naming its path). Mounted once for
 * `/api/*`, so no route can forget it and nothing is written on refusal.
 *
 * It reads the body as text, which hono caches; the route's validator then parses that
 * text, so the body is read once and parsed once.
 */
import { codePointName, escapeUnsafe, formatPath } from '@sme/core';
import type { MiddlewareHandler } from 'hono';
import { problem } from '../../problem/problem-details.js';
import { mayCarryContent } from '../request-content/index.js';
import { type JsonPath, scanJson } from './scan-json.js';

export interface JsonGuardOptions {
  /** Levels of arrays and objects allowed; @default 32 */
  maxDepth?: number;
  /** Strings reported in one refusal; @default 20 */
  maxFindings?: number;
}

/** What hono's validator parses (`application/json`, `…+json`), and kin. */
const JSON_MEDIA_TYPE = /^[\w.+-]+\/(?:[\w.+-]+\+)?json$/i;

/** A path to show: unsafe characters written out, and no key long enough to flood it. */
function shown(path: JsonPath): string {
  return formatPath(
    path.map((part) =>
      typeof part === 'number'
        ? part
        : escapeUnsafe(part.length > 64 ? `${part.slice(0, 64)}…` : part),
    ),
  );
}

const KIND_NAMES = {
  control: { zh: '控制字符', en: 'a control character' },
  bidi: { zh: '双向文本控制字符', en: 'a bidirectional formatting character' },
  surrogate: { zh: '不成对的代理项', en: 'a lone surrogate' },
} as const;

export function jsonGuard(options: JsonGuardOptions = {}): MiddlewareHandler {
  const maxDepth = options.maxDepth ?? 32;
  const maxFindings = options.maxFindings ?? 20;
  return async (c, next) => {
    if (!mayCarryContent(c)) return next();
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim() ?? '';
    if (!JSON_MEDIA_TYPE.test(mediaType) || !c.req.raw.body) return next();
    // A body that cannot be read is the validator's to refuse (400), as it was before.
    const text = await c.req.text().catch(() => undefined);
    if (text === undefined) return next();

    const scan = scanJson(text, { maxDepth, maxFindings });
    if (scan.tooDeepAt) {
      const detail = {
        zh: `请求内容嵌套超过 ${maxDepth} 层`,
        en: `The JSON body nests deeper than ${maxDepth} levels`,
      };
      return problem(c, 400, 'too_deep', detail, [
        { path: shown(scan.tooDeepAt), message: detail.en },
      ]);
    }
    if (scan.unsafe.length > 0) {
      return problem(
        c,
        422,
        'invalid_characters',
        {
          zh: '文本含有不允许的控制字符或双向文本控制字符',
          en: 'Text contains control or bidirectional formatting characters',
        },
        scan.unsafe.map(({ path, found }) => {
          const name = codePointName(found.codePoint);
          const kind = KIND_NAMES[found.kind];
          return {
            path: shown(path),
            message: `第 ${found.index + 1} 个字符 ${name} 是${kind.zh}（character ${found.index + 1}, ${name}, is ${kind.en}）`,
          };
        }),
      );
    }
    return next();
  };
}
