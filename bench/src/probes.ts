/**
 * What each bundle is asked once after its import, as a module written beside it: the
 * API answers `GET /api/tenants` from an API Gateway HTTP API (v2) event, the tick runs
 * its jobs on an empty table. The review stage needs an application waiting in a stage
 * and a task token, so for now it is only imported. Each exits non-zero on a wrong answer,
 * so a failure is never timed as a start, and prints when (ms since the process began)
 * the import was done and the call answered, to tell the two costs apart.
 */
import type { FunctionName } from '@sme/infra/bundling';

const HOST = 'abc123.execute-api.cn-northwest-1.amazonaws.com.cn';

const LIST_TENANTS = {
  version: '2.0',
  routeKey: 'GET /api/tenants',
  rawPath: '/api/tenants',
  rawQueryString: '',
  headers: { host: HOST, accept: 'application/json', 'accept-language': 'zh-CN' },
  requestContext: {
    accountId: 'anonymous',
    apiId: 'abc123',
    domainName: HOST,
    domainPrefix: 'abc123',
    http: {
      method: 'GET',
      path: '/api/tenants',
      protocol: 'HTTP/1.1',
      sourceIp: '203.0.113.7',
      userAgent: 'bench',
    },
    requestId: 'bench-1',
    routeKey: 'GET /api/tenants',
    stage: '$default',
    time: '22/Nov/2026:10:00:00 +0000',
    timeEpoch: 1_795_341_600_000,
  },
  isBase64Encoded: false,
};

export const FIRST_CALLS: Record<FunctionName, { call: string; script: string }> = {
  api: {
    call: 'import + GET /api/tenants',
    script: `const { handler } = await import('./index.mjs');
const imported = performance.now();
const res = await handler(${JSON.stringify(LIST_TENANTS)}, {});
if (res.statusCode !== 200) { console.error(res.statusCode, res.body); process.exit(1); }
console.log(JSON.stringify({ imported, answered: performance.now() }));
`,
  },
  timerTick: {
    call: 'import + one tick on DynamoDB Local',
    script: `const { handler } = await import('./index.mjs');
const imported = performance.now();
await handler();
console.log(JSON.stringify({ imported, answered: performance.now() }));
`,
  },
  reviewStage: {
    call: 'import only',
    script: `await import('./index.mjs');
const imported = performance.now();
console.log(JSON.stringify({ imported, answered: imported }));
`,
  },
};
