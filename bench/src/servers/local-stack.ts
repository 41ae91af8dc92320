/**
 * The platform as `pnpm dev` serves it, in a fresh data folder, for the throughput
 * benchmark. Its timer loop is stopped, so only the load reaches the process. Prints
 * its URL as one JSON line; SIGTERM, or the runner's end, stops everything it started.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInstant } from '@sme/core';
import { startLocalStack } from '@sme/local';
import { OPEN_AT } from '../../../test/support/qingdao.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const dataDir = await mkdtemp(join(tmpdir(), 'sme-bench-stack-'));
const stack = await startLocalStack({ port: 0, dataDir, clockStart: parseInstant(OPEN_AT) });
await stack.timers.stop();
console.log(JSON.stringify({ url: stack.url }));
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
// The runner holds stdin open: if it dies, this ends too, and with it java.
process.stdin.on('end', () => void shutdown()).resume();
