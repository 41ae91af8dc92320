/**
 * The deployed API's sign-in path, end to end on the built bundle: tokens signed by an
 * OIDC issuer whose key set is served over HTTP, claims where a Cognito pool puts them
 * (`custom:tenant`, `custom:roles`), checked for issuer and audience, and the request then
 * served from DynamoDB Local through the bundle's own AWS SDK.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleFunction } from '@sme/infra/bundle-report';
import { writeTenantsModule } from '@sme/infra/bundling';
import { COGNITO_CLAIM_NAMES } from '@sme/infra/deployment-config';
import { createTestStore } from '@sme/store/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { functionEnvironment, localAwsEnvironment } from '../support/deployment.js';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

const AUDIENCE = 'portal-client-id';
let issuer: string;
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let jwks: Server;
let outdir: string;
let handler: Handler;

function get(path: string, token?: string) {
  return handler(
    {
      version: '2.0',
      routeKey: '$default',
      rawPath: path,
      rawQueryString: '',
      headers: {
        host: 'api.example.gov.cn',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      requestContext: {
        http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9' },
        requestId: 'req',
        stage: '$default',
        timeEpoch: 0,
      },
      isBase64Encoded: false,
    },
    {},
  );
}

/** An ID token as the pool issues it, with the claims any test wants to change. */
function idToken(claims: Record<string, unknown>, options: { iss?: string; aud?: string } = {}) {
  return new SignJWT({ 'custom:tenant': 'qingdao', 'custom:roles': 'city_admin', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('official-1')
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(keys.privateKey);
}

beforeAll(async () => {
  keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((ready) => jwks.listen(0, '127.0.0.1', ready));
  issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/pool`;

  const store = await createTestStore();
  outdir = await mkdtemp(join(tmpdir(), 'sme-api-auth-'));
  const report = await bundleFunction('api', writeTenantsModule(inject('tenants'), outdir), outdir);
  Object.assign(
    process.env,
    functionEnvironment(store.table.tableName, {
      OIDC_ISSUER: issuer,
      OIDC_JWKS_URL: `${issuer}/.well-known/jwks.json`,
      OIDC_AUDIENCE: `other-client,${AUDIENCE}`,
      CLAIM_NAMES: JSON.stringify(COGNITO_CLAIM_NAMES),
    }),
    localAwsEnvironment(),
  );
  ({ handler } = (await import(pathToFileURL(report.file).href)) as { handler: Handler });
}, 60_000);

afterAll(async () => {
  await new Promise((done) => jwks.close(done));
  await rm(outdir, { recursive: true, force: true });
});

describe('the bundled API behind an OIDC issuer', () => {
  it('serves a city admin whose claims sit in Cognito custom attributes', async () => {
    const answer = await get('/api/tenants/qingdao/tasks', await idToken({}));
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ items: [] });
  });

  it('refuses a token for another audience, from another issuer, or without a tenant', async () => {
    for (const token of [
      await idToken({}, { aud: 'someone-else' }),
      await idToken({}, { iss: 'https://evil.example.com/pool' }),
      await idToken({ 'custom:tenant': undefined }),
    ]) {
      expect((await get('/api/tenants/qingdao/tasks', token)).statusCode).toBe(401);
    }
  });

  it('keeps a signed-in official of one city out of another', async () => {
    const answer = await get('/api/tenants/jinan/tasks', await idToken({}));
    expect([403, 404]).toContain(answer.statusCode);
  });
});
