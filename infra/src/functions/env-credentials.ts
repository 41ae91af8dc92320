/**
 * The AWS SDK's default credential provider for the Lambda bundles: credentials from the
 * environment, and nothing else. Each client's runtime config imports `defaultProvider`
 * from `@aws-sdk/credential-provider-node`, the whole default chain (SSO, shared ini
 * files, `credential_process`, web identity, ECS and instance metadata), and with it
 * `@aws-sdk/nested-clients` (an STS, SSO, SSO-OIDC and sign-in client). Lambda hands a
 * function its role's credentials in its environment (`AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the chain's first link, so the rest is
 * never run but still parsed and compiled at every cold start. The bundles alias
 * `@aws-sdk/credential-provider-node` to the module written here: `fromEnv` from
 * `@aws-sdk/credential-provider-env` (the chain's own first link), memoized as the SDK
 * memoizes the credentials a client is given. Without them in the environment a call
 * fails with `fromEnv`'s "Unable to find environment variable credentials", never with
 * another source's credentials. Measured with esbuild's metafile: every bundle is 110
 * KiB lighter (the API's 1216.7 → 1106.8 KiB): `nested-clients` 58 KiB, the chain's
 * other providers 27, the instance-metadata client 7, `token-providers` 3, and the
 * parts of `@aws-sdk/core` and `@smithy/core` only they used, 13. The API's import and
 * first request do 6.8 % less work above `node -e 0` (callgrind: 67 of 981 million
 * instructions; about 23 ms of its +332 ms on a quiet machine; bench/README.md).
 *
 * Only the bundles: the local stack and the tests run the SDK from `node_modules` and
 * give their clients explicit credentials. A function that ever gets its credentials
 * another way (SnapStart, which serves them from a container endpoint) must drop the alias.
 */
import { join } from 'node:path';
import { esmEntry, GENERATED_DIR, packageDir, writeGeneratedModule } from './generated-module.js';
import { REPO_ROOT } from './repo-root.js';

/** The package the bundles alias. */
export const DEFAULT_CREDENTIAL_PROVIDER = '@aws-sdk/credential-provider-node';

/**
 * The packages the module imports, as the SDK's clients resolve them: the provider the
 * DynamoDB client would have used, its `credential-provider-env`, and that one's
 * `@smithy/core`.
 */
function sdkEntries() {
  const client = packageDir(
    join(REPO_ROOT, 'packages/store/package.json'),
    '@aws-sdk/client-dynamodb',
  );
  const chain = packageDir(join(client, 'package.json'), DEFAULT_CREDENTIAL_PROVIDER);
  const env = packageDir(join(chain, 'package.json'), '@aws-sdk/credential-provider-env');
  const smithy = packageDir(join(env, 'package.json'), '@smithy/core');
  return { env: esmEntry(env), smithy: esmEntry(smithy) };
}

/** Writes the module; returns its path. Its content depends only on what is installed. */
export function writeEnvCredentials(dir = GENERATED_DIR): string {
  const { env, smithy } = sdkEntries();
  return writeGeneratedModule(
    dir,
    'env-credentials.mjs',
    'infra/src/functions/env-credentials.ts',
    [
      `import { fromEnv } from ${JSON.stringify(env)};`,
      'import {',
      '  doesIdentityRequireRefresh,',
      '  isIdentityExpired,',
      '  memoizeIdentityProvider,',
      `} from ${JSON.stringify(smithy)};`,
      '// Read once, then kept; read again only if it carries an expiration that is near.',
      'export const defaultProvider = (init = {}) =>',
      '  memoizeIdentityProvider(fromEnv(init), isIdentityExpired, doesIdentityRequireRefresh);',
    ],
  );
}
