/**
 * Who may sign in: by default a Cognito user pool the stack creates, whose ID tokens
 * carry the tenant, roles, region and organization as custom attributes that only
 * administrators can set; or an existing OIDC issuer (the province's unified identity
 * platform, and always in AWS China), named in context. Either way the API sees one
 * issuer, its audience, its key set and the claim names it uses.
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { ClaimNameMapping, Identity } from '../deployment-config.js';

export interface IdentityProviderProps {
  readonly identity: Identity;
  /** Names the hosted sign-in domain (`<prefix>-<account>.auth.<region>.amazoncognito.com`). */
  readonly namePrefix: string;
}

/** Where the portal finishes a sign-in (packages/api/src/portal/session/oidc.routes.ts). */
export const SIGN_IN_CALLBACK_PATH = '/auth/callback';

/** The custom attributes of the default user pool; see COGNITO_CLAIM_NAMES. */
const CUSTOM_ATTRIBUTES = ['tenant', 'roles', 'region', 'org', 'expertId'] as const;

export class IdentityProvider extends Construct {
  readonly issuer: string;
  /** The client ids tokens may be issued to; the portal's is added by `addPortalClient`. */
  readonly audience: string[];
  /** The portal's client id for the code flow (the first audience of an external issuer). */
  portalClientId: string | undefined;
  readonly jwksUrl: string;
  readonly claimNames: ClaimNameMapping;
  /** Present when the stack created the pool. */
  readonly userPool?: cognito.UserPool;

  constructor(scope: Construct, id: string, props: IdentityProviderProps) {
    super(scope, id);
    const { identity } = props;
    this.claimNames = identity.claimNames;
    if (identity.kind === 'external') {
      this.issuer = identity.issuer;
      this.audience = identity.audience;
      this.jwksUrl = identity.jwksUrl;
      // The province registers the portal's callback URL on its side (see README).
      this.portalClientId = identity.audience[0];
      return;
    }

    const pool = new cognito.UserPool(this, 'UserPool', {
      // Accounts are created by administrators, who set the tenant and roles.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: Object.fromEntries(
        CUSTOM_ATTRIBUTES.map((name) => [name, new cognito.StringAttribute({ mutable: true })]),
      ),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The hosted sign-in pages the portal sends people to (authorization code + PKCE).
    pool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: `${props.namePrefix}-${Stack.of(this).account}` },
    });
    this.userPool = pool;
    this.issuer = pool.userPoolProviderUrl;
    this.audience = [];
    this.portalClientId = undefined;
    this.jwksUrl = `${pool.userPoolProviderUrl}/.well-known/jwks.json`;
  }

  /**
   * The portal's client of the stack's own pool, once the portal's origins are known:
   * a public client (no secret; PKCE protects the code) allowed only the code flow back
   * to the portal's callback. Nothing to do for an external issuer.
   */
  addPortalClient(portalOrigins: readonly string[]): void {
    const pool = this.userPool;
    if (!pool) return;
    const client = pool.addClient('PortalClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: portalOrigins.map((origin) => `${origin}${SIGN_IN_CALLBACK_PATH}`),
        logoutUrls: portalOrigins.map((origin) => `${origin}/`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      // Users may read their attributes but never write tenant, roles, region or org.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.audience.push(client.userPoolClientId);
    this.portalClientId = client.userPoolClientId;
  }
}
