import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
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

describe('claimsFromPayload', () => {
  it('drops roles the platform does not know', () => {
    expect(
      claimsFromPayload({ sub: 's', tenant: 't', roles: ['city_admin', 'root'] }).roles,
    ).toEqual(['city_admin']);
    expect(() => claimsFromPayload({ sub: 's', tenant: 't', roles: ['root'] })).toThrow();
  });
});
