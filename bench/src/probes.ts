/**
 * What each bundle is asked once after its import, as a module written beside it: the
 * API answers `GET /api/tenants` and the portal `GET /qingdao/` from an API Gateway HTTP
 * API (v2) event, the tick runs
 * its jobs on an empty table. The review stage needs an application waiting in a stage
 * and a task token, so for now it is only imported. Each exits non-zero on a wrong answer,
 * so a failure is never timed as a start, and prints when (ms since the process began)
 * the import was done and the call answered, to tell the two costs apart.
 */
import type { FunctionName } from '@sme/infra/bundling';

const HOST = 'abc123.execute-api.cn-northwest-1.amazonaws.com.cn';

/** API Gateway's HTTP API (v2) event for `GET <path>`. */
const getEvent = (path: string, routeKey: string, accept: string) => ({
  version: '2.0',
  routeKey,
  rawPath: path,
  rawQueryString: '',
  headers: { host: HOST, accept, 'accept-language': 'zh-CN' },
  requestContext: {
    accountId: 'anonymous',
    apiId: 'abc123',
    domainName: HOST,
    domainPrefix: 'abc123',
    http: {
      method: 'GET',
      path,
      protocol: 'HTTP/1.1',
      sourceIp: '203.0.113.7',
      userAgent: 'bench',
    },
    requestId: 'bench-1',
    routeKey,
    stage: '$default',
    time: '22/Nov/2026:10:00:00 +0000',
    timeEpoch: 1_795_341_600_000,
  },
  isBase64Encoded: false,
});

const LIST_TENANTS = getEvent('/api/tenants', 'GET /api/tenants', 'application/json');
const QINGDAO_HOME = getEvent('/qingdao/', 'GET /{proxy+}', 'text/html');

/** Imports the handler, answers `event` once, and refuses anything but a 200. */
const answerOnce = (event: object) => `const { handler } = await import('./index.mjs');
const imported = performance.now();
const res = await handler(${JSON.stringify(event)}, {});
if (res.statusCode !== 200) { console.error(res.statusCode, res.body); process.exit(1); }
console.log(JSON.stringify({ imported, answered: performance.now() }));
`;

export const FIRST_CALLS: Record<FunctionName, { call: string; script: string }> = {
  api: { call: 'import + GET /api/tenants', script: answerOnce(LIST_TENANTS) },
  portal: { call: 'import + GET /qingdao/ (a page)', script: answerOnce(QINGDAO_HOME) },
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
