/**
 * The API bundle as deployed: built by esbuild with the stack's options, then invoked
 * from its output file with an API Gateway HTTP API (v2) event.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import {
  builtFunction,
  bundledSources,
  httpApiEvent,
  recordingDynamoDb,
  withFreshHandler,
} from './bundled-handler.test-support.js';

interface ExcelWorkbook {
  addWorksheet(name: string): { addRow(values: unknown[]): unknown };
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}

describe('the bundled API handler', () => {
  const tenants = inject('tenants');
  const built = builtFunction('api', tenants);

  it('answers the catalogue of every baked-in tenant', async () => {
    const response = await built.handler(httpApiEvent('GET', '/api/tenants'), {});
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { items: { id: string; name: { zh: string } }[] };
    expect(body.items.map((t) => t.id).sort()).toEqual(tenants.map((t) => t.id).sort());
    // Bundled as UTF-8 (not `\uXXXX` escapes): the Chinese reads back as the tenants write it.
    for (const tenant of tenants)
      expect(body.items.find((t) => t.id === tenant.id)?.name.zh).toBe(tenant.name.zh);
  });

  it('refuses a staff route without a token, as the app does locally', async () => {
    const response = await built.handler(httpApiEvent('GET', '/api/tenants/qingdao/tasks'), {});
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('carries the tenants, and no CDK, local engine or test code, and no dev routes', async () => {
    expect(built.report.forbidden).toEqual([]);
    expect(built.report.tenantsBytes).toBeGreaterThan(10_000);
    const inputs = Object.keys(built.report.metafile.inputs);
    expect(inputs.some((path) => path.includes('hono/dist'))).toBe(true);
    expect(inputs.some((path) => path.includes('aws-local-stepfunctions'))).toBe(false);
    // The pages are the portal function's: none of them ships with the API.
    const pages = bundledSources(built.report).filter((path) => path.includes('api/src/portal/'));
    expect(pages).toEqual([]);
    // The local stack's routes (tokens signed with a local secret, the clock moved) are
    // not merely unmounted: their code is not in the bundle at all.
    const dev = bundledSources(built.report).filter((path) => path.includes('dev.routes'));
    expect(dev).toEqual([]);
    const login = await built.handler(httpApiEvent('POST', '/api/dev/login'), {});
    expect(login.statusCode).toBe(404);
  });

  it("answers a request zod refuses with zod's own message, though its locales are left out", async () => {
    const tenant = tenants[0]?.id ?? 'qingdao';
    const tooLong = 'x'.repeat(101);
    const response = await built.handler(
      httpApiEvent('GET', `/api/tenants/${tenant}/pool`, { query: `q=${tooLong}` }),
      {},
    );
    expect(response.statusCode).toBe(422);
    const body = JSON.parse(response.body) as { errors: { path: string; message: string }[] };
    // What the unbundled zod says for the route's rule (`q: z.string().max(100)`).
    const expected = z.string().max(100).safeParse(tooLong).error?.issues[0]?.message;
    expect(expected).toBeTruthy();
    expect(body.errors).toEqual([{ path: 'q', message: expected }]);
    // esbuild reads every locale; only these two reach the output.
    const output = Object.values(built.report.metafile.outputs).find((o) => o.entryPoint);
    const shipped = Object.entries(output?.inputs ?? {}).filter(([, i]) => i.bytesInOutput > 0);
    expect(
      shipped.map(([path]) => path).filter((path) => path.includes('zod/v4/locales/')),
    ).toEqual([
      expect.stringContaining('zod/v4/locales/en.js'),
      expect.stringContaining('zod/v4/locales/zh-CN.js'),
    ]);
  });

  it('carries the AWS SDK clients it calls, bundled rather than the runtime’s', () => {
    const clients = bundledSources(built.report)
      .map((path) => /node_modules\/@aws-sdk\/(client-[a-z0-9-]+)\//.exec(path)?.[1])
      .filter((name) => name !== undefined);
    expect(new Set(clients)).toEqual(new Set(['client-dynamodb', 'client-s3', 'client-sfn']));
  });

  it('takes its credentials from the environment only: no STS, SSO or other source', () => {
    const sources = bundledSources(built.report);
    const otherSources = sources.filter((path) =>
      /node_modules\/(@aws-sdk\/(nested-clients|client-sts|client-sso|token-providers|credential-provider-(?!env\/))|@smithy\/credential-provider-imds)/.test(
        path,
      ),
    );
    expect(otherSources).toEqual([]);
    expect(sources.some((path) => path.includes('@aws-sdk/credential-provider-env/'))).toBe(true);
  });

  it('signs its DynamoDB calls with the credentials Lambda puts in its environment', async () => {
    const dynamodb = await recordingDynamoDb();
    try {
      const credentials = {
        AWS_ACCESS_KEY_ID: 'ASIAFROMTHEENVIRONMENT',
        AWS_SECRET_ACCESS_KEY: 'secret-from-the-environment',
        AWS_SESSION_TOKEN: 'session-token-from-the-environment',
        AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      };
      const response = await withFreshHandler(built.report.file, credentials, (handler) =>
        handler(httpApiEvent('GET', '/api/tenants/qingdao/notices'), {}),
      );
      expect(response.statusCode).toBe(200);
      expect(dynamodb.calls.length).toBeGreaterThan(0);
      for (const call of dynamodb.calls) {
        expect(call.target).toMatch(/^DynamoDB_20120810\./);
        expect(call.authorization).toMatch(
          /^AWS4-HMAC-SHA256 Credential=ASIAFROMTHEENVIRONMENT\/\d{8}\/cn-northwest-1\/dynamodb\/aws4_request, SignedHeaders=.*x-amz-security-token.*, Signature=[0-9a-f]{64}$/,
        );
        expect(call.securityToken).toBe('session-token-from-the-environment');
      }
    } finally {
      await dynamodb.close();
    }
  });

  it('takes no credentials from elsewhere, such as a shared credentials file', async () => {
    const dynamodb = await recordingDynamoDb();
    const dir = await mkdtemp(join(tmpdir(), 'sme-aws-config-'));
    try {
      // What the SDK's default chain reads after the environment (its `fromIni` link).
      const file = join(dir, 'credentials');
      await writeFile(
        file,
        '[default]\naws_access_key_id = AKIAFROMAFILE\naws_secret_access_key = x\n',
      );
      const elsewhere = {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_SHARED_CREDENTIALS_FILE: file,
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      };
      const response = await withFreshHandler(built.report.file, elsewhere, (handler) =>
        handler(httpApiEvent('GET', '/api/tenants/qingdao/notices'), {}),
      );
      expect(response.statusCode).toBe(500);
      expect(dynamodb.calls).toEqual([]);
    } finally {
      await dynamodb.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves the Excel library out, shipped beside it where `import("exceljs")` finds it', async () => {
    const inputs = Object.keys(built.report.metafile.inputs);
    expect(inputs.some((path) => path.includes('node_modules/exceljs/'))).toBe(false);
    expect(built.report.lazy.map((l) => l.name)).toEqual(['exceljs']);
    // A module beside index.mjs resolves the bare name as the bundle does at run time.
    const probe = join(dirname(built.report.file), 'probe.mjs');
    await writeFile(probe, "export const load = () => import('exceljs');\n");
    const { load } = (await import(pathToFileURL(probe).href)) as {
      load: () => Promise<{ default: { Workbook: new () => ExcelWorkbook } }>;
    };
    const { Workbook } = (await load()).default;
    const workbook = new Workbook();
    workbook.addWorksheet('表').addRow(['序号', '服务商名称']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    // A zip (xlsx) starts with PK.
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });
});
