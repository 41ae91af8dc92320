/**
 * `pnpm dev`: starts the platform locally and stops everything it started on Ctrl-C or
 * SIGTERM (no orphaned java).
 */
import { formatShanghai } from '@sme/core';
import {
  clockFile,
  dynamoDbLocalOptions,
  type LocalConfig,
  readLocalConfig,
} from './server/local-config.js';
import { PersistentClock } from './server/persistent-clock.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** What to fix, not a stack trace: startup errors name the variable, file or tool at fault. */
function cannotStart(error: unknown): never {
  console.error(`✗ 启动失败 / cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

let config: LocalConfig;
try {
  config = readLocalConfig();
} catch (error) {
  cannotStart(error);
}
console.log(`启动本地平台 / starting the local platform (data: ${config.dataDir}) …`);
// Java takes seconds to start, and so does loading the platform's modules: DynamoDB Local
// starts first and the rest loads meanwhile (a restart answers sooner by that much). Not
// on an unusable clock file, which stops the start before any engine.
try {
  PersistentClock.check(clockFile(config));
} catch (error) {
  cannotStart(error);
}
const { startDynamoDbLocal } = await import('./engines/dynamodb-local.js');
const dynamodb = startDynamoDbLocal(dynamoDbLocalOptions(config));
dynamodb.catch(() => undefined); // reported by startLocalStack, which awaits it
const { startLocalStack } = await import('./server/local-stack.js');
const stack = await startLocalStack(config, { dynamodb }).catch(cannotStart);

const clockFrom =
  stack.clock.origin === 'stored' ? `resumed from ${stack.clock.file}` : stack.clock.origin;
console.log(`
✓ 平台已就绪 / platform ready
  API        ${stack.url}/api/health
  租户 tenants ${stack.url}/api/tenants
  OpenAPI    ${stack.url}/api/openapi.json
  DynamoDB   ${stack.endpoints.dynamodb}
  S3         ${stack.endpoints.s3}
  时钟 clock   ${formatShanghai(stack.clock.now())} (${clockFrom})
  数据 data    ${config.dataDir}
按 Ctrl-C 停止 / press Ctrl-C to stop`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: 正在停止 / stopping …`);
  await stack.stop();
  console.log('✓ 已停止 / stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
