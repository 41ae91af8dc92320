/**
 * What the bundle tests share: an API Gateway HTTP API (v2) event, a built handler
 * imported with the environment the stack sets (nothing in it is contacted to serve the
 * routes the tests call), and a stand-in for DynamoDB that records how calls are signed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedTenant } from '@sme/core';
import { afterAll, beforeAll } from 'vitest';
import { type BundleReport, bundleFunction } from './bundle-report.js';
import { type FunctionName, writeTenantsModule } from './bundling.js';

export type Handler = (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;

export function httpApiEvent(
  method: string,
  path: string,
  { query = '', accept = 'application/json' }: { query?: string; accept?: string } = {},
) {
  const host = 'abc123.execute-api.cn-northwest-1.amazonaws.com.cn';
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: query,
    headers: { host, accept, 'accept-language': 'zh-CN' },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: host,
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '22/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_795_341_600_000,
    },
    isBase64Encoded: false,
  };
}

/** Imports a built `index.mjs` as Lambda would, with the stack's environment. */
export async function importBundledHandler(file: string): Promise<Handler> {
  Object.assign(process.env, {
    TABLE_NAME: 'sme-dx-test',
    BUCKET_NAME: 'sme-dx-test-documents',
    STATE_MACHINE_ARN_PREFIX: 'arn:aws-cn:states:cn-northwest-1:000000000000:stateMachine:',
    STATE_MACHINE_NAME_PREFIX: 'sme-dx-test',
    OIDC_ISSUER: 'https://id.example.gov.cn/oidc',
    OIDC_JWKS_URL: 'https://id.example.gov.cn/oidc/.well-known/jwks.json',
    OIDC_AUDIENCE: 'sme-dx-portal',
    AWS_REGION: 'cn-northwest-1',
  });
  return ((await import(pathToFileURL(file).href)) as { handler: Handler }).handler;
}

/** The source files whose code is in the bundle (esbuild also lists those it dropped). */
export function bundledSources(report: BundleReport): string[] {
  const output = Object.entries(report.metafile.outputs).find(([path]) => path.endsWith('.mjs'));
  return Object.entries(output?.[1].inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

/**
 * Builds `name` with the stack's options before the suite's tests and imports its
 * handler; removes the build after them. Read `report` and `handler` inside tests.
 */
export function builtFunction(name: FunctionName, tenants: readonly ResolvedTenant[]) {
  const built = {} as { report: BundleReport; handler: Handler };
  let outdir: string | undefined;
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), `sme-${name}-bundle-`));
    built.report = await bundleFunction(name, writeTenantsModule(tenants, outdir), outdir);
    built.handler = await importBundledHandler(built.report.file);
  }, 60_000);
  afterAll(async () => {
    if (outdir) await rm(outdir, { recursive: true, force: true });
  });
  return built;
}

/** A request as a stand-in for DynamoDB received it: the operation and how it was signed. */
export interface SignedCall {
  target: string;
  authorization: string;
  securityToken: string | undefined;
}

/**
 * A stand-in for DynamoDB on loopback that records how each call was signed and answers
 * every call with an empty page, which is what a query of an empty table returns.
 */
export async function recordingDynamoDb() {
  const calls: SignedCall[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls.push({
        target: String(req.headers['x-amz-target']),
        authorization: String(req.headers.authorization),
        securityToken: req.headers['x-amz-security-token'] as string | undefined,
      });
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      res.end(JSON.stringify({ Items: [], Count: 0, ScannedCount: 0 }));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((done) => server.close(done)),
  };
}

let fresh = 0;

/**
 * Imports a fresh instance of a built handler (its own clients, reading the environment
 * anew) with `vars` set, and runs `use` with it; the environment is restored after.
 */
export async function withFreshHandler<T>(
  file: string,
  vars: Record<string, string | undefined>,
  use: (handler: Handler) => Promise<T>,
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  assign(vars);
  try {
    fresh += 1;
    const url = `${pathToFileURL(file).href}?fresh=${fresh}`;
    return await use(((await import(url)) as { handler: Handler }).handler);
  } finally {
    assign(saved);
  }
}
