import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../problem/handle-error.js';
import { validationHook } from '../../problem/validation-hook.js';
import { jsonGuard } from './index.js';

const handled = vi.fn();
const route = createRoute({
  method: 'post',
  path: '/api/things',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ name: z.string() }).passthrough() } },
    },
  },
  responses: { 200: { description: 'ok' } },
});
const app = new OpenAPIHono({ defaultHook: validationHook });
app.onError(handleError);
app.use('/api/*', jsonGuard());
app.openapi(route, (c) => {
  handled(c.req.valid('json'));
  return c.json({ ok: true }, 200);
});

const post = (body: string, type = 'application/json') =>
  app.request('/api/things', { method: 'POST', headers: { 'content-type': type }, body });

afterEach(() => {
  handled.mockClear();
  vi.restoreAllMocks();
});

describe('jsonGuard', () => {
  it('lets clean JSON through, read once and parsed once by the validator', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    const read = vi.spyOn(Request.prototype, 'text');
    const text = JSON.stringify({ name: '崂山科技\n第二行\t', note: 'ok' });
    const res = await post(text);
    expect(res.status).toBe(200);
    expect(handled).toHaveBeenCalledWith({ name: '崂山科技\n第二行\t', note: 'ok' });
    expect(read).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls.filter(([parsed]) => parsed === text)).toHaveLength(1);
  });

  it('refuses a bidirectional override with 422 invalid_characters naming the path', async () => {
    const res = await post(
      JSON.stringify({ name: 'ok', files: [{ filename: '报告\u202efdp.exe' }], x: '\u0007' }),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { code: string; detail: string; errors: unknown[] };
    expect(body.code).toBe('invalid_characters');
    expect(body.detail).toMatch(/^文本含有.*（Text contains/);
    expect(body.errors).toEqual([
      {
        path: 'files[0].filename',
        message:
          '第 3 个字符 U+202E 是双向文本控制字符（character 3, U+202E, is a bidirectional formatting character）',
      },
      {
        path: 'x',
        message: '第 1 个字符 U+0007 是控制字符（character 1, U+0007, is a control character）',
      },
    ]);
    expect(handled).not.toHaveBeenCalled();
  });

  it('names a bad key without echoing the character itself', async () => {
    const res = await post('{"name":"ok","fields":{"a\\u202eb":1}}');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors[0]?.path).toBe('fields.a\\u{202E}b');
  });

  it('refuses JSON deeper than 32 levels with 400 too_deep, even 100 000 levels', async () => {
    const nested = (n: number) => `{"name":"x","v":${'['.repeat(n)}${']'.repeat(n)}}`;
    expect((await post(nested(31))).status).toBe(200);
    for (const n of [32, 100_000]) {
      const res = await post(nested(n));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'too_deep', status: 400 });
    }
    expect(handled).toHaveBeenCalledTimes(1);
  });

  it('applies to every JSON media type, and leaves other bodies to the route', async () => {
    expect((await post('{"name":"\\u0000"}', 'application/merge-patch+json')).status).toBe(422);
    expect((await post('{"name":"\\u0000"}', 'application/json; charset=utf-8')).status).toBe(422);
    // Not JSON: the route's media-type gate answers, the guard does not read it.
    expect((await post('{"name":"\u0000"}', 'text/plain')).status).toBe(415);
  });

  it('leaves malformed JSON to the validator, which refuses it as before', async () => {
    const res = await post('{"name": "x"');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_body' });
  });
});
