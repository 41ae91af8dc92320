import { createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signDevToken } from './dev-login.js';
import { claimsFromPayload, hmacVerifier, jwksVerifier } from './token-verifier.js';

const SECRET = 'a-secret-of-at-least-thirty-two-chars!!';
const hs256 = (payload: Record<string, unknown>, secret = SECRET, expiresIn = '1h') =>
  new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('provider:qingdao:91350100M000100Y43')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));

describe('hmacVerifier', () => {
  const verifier = hmacVerifier(SECRET);

  it('reads the claims of a token it signed', async () => {
    const token = await hs256({
      tenant: 'qingdao',
      roles: ['provider'],
      org: '91350100M000100Y43',
    });
    expect(await verifier.verify(token)).toEqual({
      sub: 'provider:qingdao:91350100M000100Y43',
      tenant: 'qingdao',
      roles: ['provider'],
      org: '91350100M000100Y43',
    });
  });

  it('refuses another secret, an expired token and a token without a tenant', async () => {
    await expect(
      verifier.verify(await hs256({ tenant: 'qingdao', roles: ['provider'] }, `${SECRET}x`)),
    ).rejects.toThrow();
    await expect(
      verifier.verify(await hs256({ tenant: 'qingdao', roles: ['provider'] }, SECRET, '-1m')),
    ).rejects.toThrow();
    await expect(verifier.verify(await hs256({ roles: ['provider'] }))).rejects.toThrow(/tenant/);
  });

  it('refuses a token that never expires', async () => {
    const forever = await new SignJWT({ tenant: 'qingdao', roles: ['provider'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('provider:qingdao:91350100M000100Y43')
      .setIssuedAt()
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(forever)).rejects.toThrow(/"exp" claim/);
  });

  it('accepts what /api/dev/login signs, which always expires after eight hours', async () => {
    const now = new Date();
    const token = await signDevToken(
      { sub: 'city_admin:qingdao:qingdao', tenant: 'qingdao', roles: ['city_admin'] },
      SECRET,
      now,
    );
    const { iat, exp } = decodeJwt(token);
    expect(exp).toBe((iat ?? 0) + 8 * 60 * 60);
    expect((await verifier.verify(token)).roles).toEqual(['city_admin']);
  });
});

describe('jwksVerifier (an OIDC issuer such as a Cognito user pool)', () => {
  it('verifies against the key set and maps the issuer’s claim names', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const keys = createLocalJWKSet({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }],
    });
    const issuer = 'https://idp.example.gov.cn/realms/shandong';
    const token = await new SignJWT({
      'custom:tenant': 'jining',
      'custom:roles': 'district_reviewer,expert',
      'custom:region': 'rencheng',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('sme-dx')
      .setSubject('user-42')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

    const verifier = jwksVerifier({
      keys,
      issuer,
      audience: 'sme-dx',
      claimNames: {
        tenant: 'custom:tenant',
        roles: 'custom:roles',
        region: 'custom:region',
        org: 'custom:org',
        expertId: 'custom:expertId',
        name: 'name',
      },
    });
    expect(await verifier.verify(token)).toEqual({
      sub: 'user-42',
      tenant: 'jining',
      roles: ['district_reviewer', 'expert'],
      region: 'rencheng',
    });
    await expect(
      jwksVerifier({ keys, issuer: 'https://elsewhere' }).verify(token),
    ).rejects.toThrow();
  });
});

describe('jwksVerifier and a token without exp', () => {
  it('refuses it, and accepts the same token with one', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const keys = createLocalJWKSet({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' }],
    });
    const issuer = 'https://idp.example.gov.cn/realms/shandong';
    const token = (exp?: string) => {
      const jwt = new SignJWT({ tenant: 'jining', roles: ['city_admin'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
        .setIssuer(issuer)
        .setSubject('user-7')
        .setIssuedAt();
      return (exp ? jwt.setExpirationTime(exp) : jwt).sign(privateKey);
    };
    const verifier = jwksVerifier({ keys, issuer });
    await expect(verifier.verify(await token())).rejects.toThrow(/"exp" claim/);
    expect((await verifier.verify(await token('5m'))).sub).toBe('user-7');
  });
});

describe('claimsFromPayload', () => {
  it('drops roles the platform does not know', () => {
    expect(
      claimsFromPayload({ sub: 's', tenant: 't', roles: ['city_admin', 'root'] }).roles,
    ).toEqual(['city_admin']);
    expect(() => claimsFromPayload({ sub: 's', tenant: 't', roles: ['root'] })).toThrow();
  });
});
