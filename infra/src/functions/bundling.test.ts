import { describe, expect, it } from 'vitest';
import { cdkBundling, esbuildOptions } from './bundling.js';

describe('the CDK bundling options and the report’s esbuild options', () => {
  const cdk = cdkBundling('/x/baked-tenants.mjs', 'api');
  const report = esbuildOptions('api', '/x/baked-tenants.mjs', '/out');

  it('leave out the same modules, and bundle the AWS SDK', () => {
    expect(cdk.externalModules).toEqual(report.external);
    expect(report.external).toEqual(['exceljs']);
    expect(cdk.bundleAwsSDK).toBe(true);
  });

  // CDK 2.276 drops its own `charset` option, so these reach esbuild as flags.
  it('pass esbuild the same charset and aliases: zod and the credential provider', () => {
    expect(cdk.charset).toBeUndefined();
    expect(report.alias).toEqual({
      zod: expect.stringMatching(/lean-zod\.mjs$/),
      '@aws-sdk/credential-provider-node': expect.stringMatching(/env-credentials\.mjs$/),
    });
    expect(cdk.esbuildArgs).toEqual({
      '--charset': report.charset,
      '--alias:zod': report.alias?.zod,
      '--alias:@aws-sdk/credential-provider-node':
        report.alias?.['@aws-sdk/credential-provider-node'],
    });
  });

  it('inject the same tenants and banner, for the same target', () => {
    expect(cdk.inject).toEqual(report.inject);
    expect(cdk.banner).toBe(report.banner?.js);
    expect(cdk.target).toBe(report.target);
    expect(cdk.mainFields).toEqual(report.mainFields);
  });
});
