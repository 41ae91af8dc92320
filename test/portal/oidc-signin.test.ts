/**
 * Signing in on a deployment: the portal against an OIDC issuer that answers in
 * process (discovery, token endpoint with PKCE, key set), as Cognito's hosted UI or
 * the province's identity platform would. The issuer checks what a real one checks
 * (the code, the redirect URI, the verifier against the challenge); the portal must
 * check the state, the nonce and the token, and keep nothing from a failed attempt.
 */
import { createHash } from 'node:crypto';
import { createApp, jwksVerifier, OidcSignIn } from '@sme/api';
import { testApp } from '@sme/api/testing';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageClient, textOf } from '../support/page-client.js';

const ISSUER = 'https://id.example.gov.cn/oidc';
const CLIENT_ID = 'sme-dx-portal';
const CALLBACK = 'http://localhost/auth/callback';

interface Authorization {
  challenge: string;
  nonce: string;
  redirectUri: string;
}

/** An issuer in process: it records each authorization and redeems each code once. */
async function fakeIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, Authorization & { claims: JWTPayload }>();
  const redeemed: string[] = [];
  const discovery = {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/authorize`,
    token_endpoint: `${ISSUER}/token`,
    jwks_uri: `${ISSUER}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
  };

  async function token(form: URLSearchParams): Promise<Response> {
    const code = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      !code ||
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== CLIENT_ID ||
      form.get('redirect_uri') !== code.redirectUri ||
      challenge !== code.challenge
    ) {
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    redeemed.push(verifier);
    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({ ...code.claims, nonce: code.nonce })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(CLIENT_ID)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    return Response.json({
      access_token: 'at',
      token_type: 'Bearer',
      expires_in: 3600,
      id_token: idToken,
    });
  }

  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    redeemed,
    fetch: async (url: string, init: { method: string; body?: URLSearchParams | undefined }) => {
      if (url === `${ISSUER}/.well-known/openid-configuration`) return Response.json(discovery);
      if (url === `${ISSUER}/token` && init.method === 'POST') {
        return token(new URLSearchParams(init.body));
      }
      return new Response('not found', { status: 404 });
    },
    /** What the person's browser does at the issuer: signs in, comes back with a code. */
    authorize(location: string, claims: JWTPayload): string {
      const url = new URL(location);
      const code = `code-${codes.size}-${Math.random().toString(36).slice(2)}`;
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        nonce: url.searchParams.get('nonce') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        claims,
      });
      return code;
    },
  };
}

const CITY_ADMIN: JWTPayload = {
  sub: 'u-1',
  'custom:tenant': 'qingdao',
  'custom:roles': 'city_admin',
  name: '王科长',
};

describe('signing in through the OIDC issuer', () => {
  let issuer: Awaited<ReturnType<typeof fakeIssuer>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const harness = await testApp();
    issuer = await fakeIssuer();
    app = createApp({
      platform: harness.platform,
      verifier: jwksVerifier({
        keys: issuer.keys,
        issuer: ISSUER,
        audience: CLIENT_ID,
        claimNames: {
          tenant: 'custom:tenant',
          roles: 'custom:roles',
          region: 'custom:region',
          org: 'custom:org',
          expertId: 'custom:expertId',
          name: 'name',
        },
      }),
      readiness: async () => ({ ready: true }),
      oidc: new OidcSignIn({ issuer: ISSUER, clientId: CLIENT_ID, fetch: issuer.fetch }),
    });
  });

  /** The first leg: where the portal sends the browser. */
  async function start(client: PageClient, next = '/qingdao/notices') {
    const page = await client.get(`/qingdao/signin?next=${encodeURIComponent(next)}`);
    expect(page.status).toBe(303);
    return new URL(page.location ?? '');
  }

  it('sends the browser to the issuer with a PKCE challenge, a state and a nonce', async () => {
    const client = new PageClient(app);
    const url = await start(client);
    expect(url.origin + url.pathname).toBe(`${ISSUER}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: CALLBACK,
      response_type: 'code',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')?.length).toBeGreaterThan(20);
    expect(url.searchParams.get('nonce')?.length).toBeGreaterThan(20);
    expect(client.cookies.has('signin')).toBe(true);
    expect(client.cookies.has('session')).toBe(false);
  });

  it('comes back signed in, where the person was, with the verifier the challenge was made from', async () => {
    const client = new PageClient(app);
    const url = await start(client);
    const code = issuer.authorize(url.toString(), CITY_ADMIN);
    const back = await client.get(
      `/auth/callback?code=${code}&state=${url.searchParams.get('state')}`,
    );
    expect(back.status).toBe(303);
    expect(back.location).toBe('/qingdao/notices');
    expect(client.cookies.has('session')).toBe(true);
    expect(client.cookies.has('signin')).toBe(false);
    const challenge = createHash('sha256')
      .update(issuer.redeemed.at(-1) ?? '')
      .digest('base64url');
    expect(challenge).toBe(url.searchParams.get('code_challenge'));
    const page = await client.get('/qingdao/notices');
    expect(textOf(page.html)).toContain('王科长');
  });

  it('refuses a callback whose state is not the one it sent, and keeps no session', async () => {
    const client = new PageClient(app);
    const url = await start(client);
    const code = issuer.authorize(url.toString(), CITY_ADMIN);
    const back = await client.get(`/auth/callback?code=${code}&state=forged`);
    expect(back.status).toBe(422);
    expect(textOf(back.html)).toContain('登录未完成');
    expect(textOf(back.html)).toContain('signin_refused');
    expect(client.cookies.has('session')).toBe(false);
  });

  it('refuses a callback replayed after the sign-in finished, or without its cookie', async () => {
    const client = new PageClient(app);
    const url = await start(client);
    const code = issuer.authorize(url.toString(), CITY_ADMIN);
    const callback = `/auth/callback?code=${code}&state=${url.searchParams.get('state')}`;
    expect((await client.get(callback)).status).toBe(303);
    expect((await client.get(callback)).status).toBe(422);
    const stranger = await new PageClient(app).get(callback);
    expect(stranger.status).toBe(422);
  });

  it('says so when the person cancels at the issuer', async () => {
    const client = new PageClient(app);
    const url = await start(client);
    const back = await client.get(
      `/auth/callback?error=access_denied&state=${url.searchParams.get('state')}`,
    );
    expect(back.status).toBe(422);
    expect(textOf(back.html)).toContain('登录已取消');
    expect(client.cookies.has('session')).toBe(false);
  });

  it('keeps out an account the issuer knows but this platform gives no role', async () => {
    const client = new PageClient(app);
    const url = await start(client);
    const code = issuer.authorize(url.toString(), { sub: 'u-2', 'custom:tenant': 'qingdao' });
    const back = await client.get(
      `/auth/callback?code=${code}&state=${url.searchParams.get('state')}`,
    );
    expect(back.status).toBe(422);
    expect(textOf(back.html)).toContain('尚未开通本平台的角色');
    expect(client.cookies.has('session')).toBe(false);
  });

  it('never sends the person to another site afterwards', async () => {
    const client = new PageClient(app);
    const url = await start(client, 'https://evil.example/qingdao/');
    const code = issuer.authorize(url.toString(), CITY_ADMIN);
    const back = await client.get(
      `/auth/callback?code=${code}&state=${url.searchParams.get('state')}`,
    );
    expect(back.location).toBe('/qingdao/');
  });
});
