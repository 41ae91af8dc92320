/**
 * What the API's and the portal's functions give their apps: the platform wired for
 * this deployment, tokens checked against the issuer's key set, the portal's sign-in
 * through the same issuer (code flow with PKCE) when the portal has a client, and
 * readiness asked of the table and the bucket.
 */
import { type AppDeps, jwksVerifier, OidcSignIn } from '@sme/api';
import { createDocumentsClient, storageReadiness } from '@sme/store';
import { createRemoteJWKSet } from 'jose';
import { deployment } from './deployment.js';

export function appDeps(): AppDeps {
  const { env, platform, tableClients } = deployment();
  // Readiness asks the bucket with a client of its own: the platform's is not exposed.
  const s3 = createDocumentsClient();
  return {
    platform,
    verifier: jwksVerifier({
      keys: createRemoteJWKSet(new URL(env.OIDC_JWKS_URL)),
      issuer: env.OIDC_ISSUER,
      ...(env.OIDC_AUDIENCE && { audience: env.OIDC_AUDIENCE }),
      claimNames: env.CLAIM_NAMES,
    }),
    ...(env.OIDC_CLIENT_ID && {
      oidc: new OidcSignIn({ issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID }),
    }),
    readiness: () =>
      storageReadiness(
        { ...tableClients, s3 },
        { tableName: env.TABLE_NAME, bucket: env.BUCKET_NAME },
      ),
  };
}
