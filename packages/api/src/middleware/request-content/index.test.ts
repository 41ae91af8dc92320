import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestBodyLimit } from '../body-limit/index.js';
import { jsonGuard } from '../json-guard/index.js';

const bodyOf = Object.getOwnPropertyDescriptor(Request.prototype, 'body')?.get;

/** A request that counts how often its `body` is asked for, as node-server's would cost. */
function countingRequest(init: RequestInit) {
  const req = new Request('http://localhost/things', init);
  let reads = 0;
  Object.defineProperty(req, 'body', {
    get() {
      reads += 1;
      return bodyOf?.call(req);
    },
  });
  return { req, reads: () => reads };
}

const app = new Hono();
app.use('*', requestBodyLimit());
app.use('*', jsonGuard());
app.on(['GET', 'HEAD', 'OPTIONS', 'POST'], '/things', (c) => c.text('ok'));

const send = async (method: string, body?: string) => {
  const { req, reads } = countingRequest({
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body }),
  });
  const res = await app.fetch(req);
  return { status: res.status, bodyReads: reads() };
};

describe('requests without content', () => {
  it('pass the body limit and the JSON guard without their body being asked for', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(await send(method), method).toEqual({ status: 200, bodyReads: 0 });
    }
  });

  it('while a POST body is still read and guarded', async () => {
    expect((await send('POST', '{"a":1}')).bodyReads).toBeGreaterThan(0);
    expect((await send('POST', '{"a":"\u202e"}')).status).toBe(422);
  });
});
