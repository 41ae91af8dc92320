import { describe, expect, it } from 'vitest';
import {
  COGNITO_CLAIM_NAMES,
  DeploymentConfigError,
  readDeploymentConfig,
} from './deployment-config.js';

const read = (context: Record<string, unknown>) => readDeploymentConfig((key) => context[key]);

describe('readDeploymentConfig', () => {
  it('defaults to a Cognito pool with its custom-attribute claim names', () => {
    expect(read({ stage: 'prod', region: 'ap-east-1' })).toEqual({
      stage: 'prod',
      region: 'ap-east-1',
      identity: { kind: 'cognito', claimNames: COGNITO_CLAIM_NAMES },
      portalOrigins: [],
    });
  });

  it('is environment-agnostic when no region is given', () => {
    expect(read({ stage: 'dev' }).region).toBeUndefined();
  });

  it('trusts an external issuer with its audience, key set and claim names', () => {
    const config = read({
      stage: 'prod',
      region: 'cn-north-1',
      issuer: 'https://id.example.gov.cn/oidc/',
      audience: 'portal, admin',
      claimNames: '{"tenant":"org_tenant","roles":"groups"}',
      portalOrigin: 'https://sme.example.gov.cn',
    });
    expect(config.identity).toEqual({
      kind: 'external',
      issuer: 'https://id.example.gov.cn/oidc',
      audience: ['portal', 'admin'],
      jwksUrl: 'https://id.example.gov.cn/oidc/.well-known/jwks.json',
      claimNames: { tenant: 'org_tenant', roles: 'groups' },
    });
    expect(config.portalOrigins).toEqual(['https://sme.example.gov.cn']);
  });

  it('takes claim names as an object from cdk.json too', () => {
    const config = read({ stage: 'dev', claimNames: { name: 'display_name' } });
    expect(config.identity.claimNames).toEqual({ ...COGNITO_CLAIM_NAMES, name: 'display_name' });
  });

  it('refuses AWS China without an external issuer, naming the fix', () => {
    expect(() => read({ stage: 'prod', region: 'cn-northwest-1' })).toThrow(
      /AWS China.*-c issuer=/,
    );
  });

  it('names every bad value at once', () => {
    try {
      read({
        stage: 'Prod!',
        region: 'mars-1',
        issuer: 'http://insecure.example',
        claimNames: '{"tenant":',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DeploymentConfigError);
      const lines = (error as Error).message.split('\n');
      expect(lines.map((l) => l.split(':')[0])).toEqual([
        '-c stage',
        '-c region',
        '-c issuer',
        '-c claimNames',
      ]);
    }
  });

  it('needs the audience with an issuer, and knows only the claims the API maps', () => {
    expect(() => read({ stage: 'dev', issuer: 'https://id.example.com' })).toThrow(/-c audience/);
    expect(() => read({ stage: 'dev', claimNames: '{"tenantId":"x"}' })).toThrow(/claimNames/);
  });
});
