/**
 * The API on Lambda: API Gateway's HTTP API event → the same Hono app the local stack
 * serves. Tokens were checked by the JWT authorizer; the app verifies them again against
 * the issuer's key set, so no route trusts the gateway alone. The portal's pages sign
 * people in through the same issuer (code flow with PKCE) when the portal has a client.
 */
import { createApp, jwksVerifier, OidcSignIn } from '@sme/api';
import { createDocumentsClient, storageReadiness } from '@sme/store';
import { handle } from 'hono/aws-lambda';
import { createRemoteJWKSet } from 'jose';
import { deployment } from './runtime/deployment.js';

const { env, platform, tableClients } = deployment();
// Readiness asks the bucket with a client of its own: the platform's is not exposed.
const s3 = createDocumentsClient();

const app = createApp({
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
});

export const handler = handle(app);
