/**
 * The peer of the throughput benchmark: a bare Hono app on @hono/node-server, as the
 * local stack serves the platform, answering one path with Hono's hello-world (the peer
 * the issue first measured against) and each other path given with a constant body (the
 * bytes the real route answered, read from the file given: the goal of issue 13 item 3).
 * Prints its URL as one JSON line.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [hello, ...constants] = process.argv.slice(2);
if (!hello || constants.length === 0 || constants.length % 2 !== 0)
  throw new Error('usage: bare-hono.ts <hello path> (<path> <body file>)…');

const app = new Hono().get(hello, (c) => c.text('Hello Hono!'));
for (let i = 0; i < constants.length; i += 2) {
  const body = readFileSync(constants[i + 1] as string, 'utf8');
  app.get(constants[i] as string, (c) => c.body(body, 200, { 'content-type': 'application/json' }));
}
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}` })),
);
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
// The runner holds stdin open: if it dies, this ends too.
process.stdin.on('end', shutdown).resume();
