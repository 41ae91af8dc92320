import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES, requestBodyLimit } from './index.js';

const handled = vi.fn();
const app = new Hono();
app.use('*', requestBodyLimit());
app.post('/api/things', async (c) => {
  handled((await c.req.text()).length);
  return c.json({ ok: true });
});
app.get('/api/things', (c) => c.json({ ok: true }));

const post = (body: string, headers: Record<string, string> = {}) =>
  app.request('/api/things', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('requestBodyLimit', () => {
  it('passes a body of exactly 1 MiB, whole', async () => {
    const res = await post('x'.repeat(MAX_BODY_BYTES));
    expect(res.status).toBe(200);
    expect(handled).toHaveBeenLastCalledWith(MAX_BODY_BYTES);
  });

  it('refuses a larger body with 413 problem details, streamed or declared', async () => {
    handled.mockClear();
    const big = 'x'.repeat(2 * MAX_BODY_BYTES);
    for (const res of [
      await post(big),
      await post(big, { 'content-length': String(big.length) }),
      await post(`"${'青'.repeat(MAX_BODY_BYTES / 3)}"`),
    ]) {
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({
        status: 413,
        code: 'payload_too_large',
        title: 'Content too large',
        detail: '请求内容超过 1 MB 上限（The request body is larger than 1 MB）',
      });
    }
    expect(handled).not.toHaveBeenCalled();
  });

  it('leaves requests without a body alone', async () => {
    expect((await app.request('/api/things')).status).toBe(200);
  });
});
