/**
 * Who may sign in: by default a Cognito user pool the stack creates, whose ID tokens
 * carry the tenant, roles, region and organization as custom attributes that only
 * administrators can set; or an existing OIDC issuer (the province's unified identity
 * platform, and always in AWS China), named in context. Either way the API sees one
 * issuer, its audience, its key set and the claim names it uses.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { ClaimNameMapping, Identity } from '../deployment-config.js';

export interface IdentityProviderProps {
  readonly identity: Identity;
}

/** The custom attributes of the default user pool; see COGNITO_CLAIM_NAMES. */
const CUSTOM_ATTRIBUTES = ['tenant', 'roles', 'region', 'org', 'expertId'] as const;

export class IdentityProvider extends Construct {
  readonly issuer: string;
  readonly audience: string[];
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
    const client = pool.addClient('PortalClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      // Users may read their attributes but never write tenant, roles, region or org.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.userPool = pool;
    this.issuer = pool.userPoolProviderUrl;
    this.audience = [client.userPoolClientId];
    this.jwksUrl = `${pool.userPoolProviderUrl}/.well-known/jwks.json`;
  }
}
