/**
 * What varies between deployments, read from CDK context (`-c stage=prod -c region=…`):
 * the stage, the region, and the identity provider. Nothing names an account, a region
 * or a partition in code; AWS China (`cn-*`) has no Cognito user pools, so there the
 * province's identity platform must be named.
 */
import { z } from 'zod';

/** Where each claim sits in the issuer's ID tokens; a key left out keeps the API's default. */
const ClaimNamesSchema = z.strictObject({
  tenant: z.string().min(1).optional(),
  roles: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  org: z.string().min(1).optional(),
  expertId: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
});
export type ClaimNameMapping = z.output<typeof ClaimNamesSchema>;

/** A Cognito pool's ID tokens carry the custom attributes the stack creates. */
export const COGNITO_CLAIM_NAMES: Required<ClaimNameMapping> = {
  tenant: 'custom:tenant',
  roles: 'custom:roles',
  region: 'custom:region',
  org: 'custom:org',
  expertId: 'custom:expertId',
  name: 'name',
};

export type Identity =
  | { kind: 'cognito'; claimNames: ClaimNameMapping }
  | {
      kind: 'external';
      issuer: string;
      /** Client ids whose tokens the API accepts (the token's `aud`). */
      audience: string[];
      jwksUrl: string;
      claimNames: ClaimNameMapping;
    };

export interface DeploymentConfig {
  /** `dev`, `prod`, …: names the stack and every resource of it. */
  stage: string;
  /** Absent: the CLI's default region (environment-agnostic synthesis). */
  region?: string;
  identity: Identity;
  /** Origins the portal is served from besides the API's own URL (a custom domain). */
  portalOrigins: string[];
  /** Receives the alarms, when given. */
  alarmEmail?: string;
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const ContextSchema = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,15}$/, 'lower-case letters, digits and -, up to 16 characters'),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region such as ap-east-1 or cn-northwest-1')
    .optional(),
  issuer: z.url({ protocol: /^https$/ }).optional(),
  audience: z.string().min(1).optional(),
  jwksUrl: z.url({ protocol: /^https$/ }).optional(),
  claimNames: z
    .union([
      z.string().transform((text, ctx): unknown => {
        try {
          return JSON.parse(text);
        } catch {
          ctx.addIssue({ code: 'custom', message: 'claimNames must be a JSON object' });
          return z.NEVER;
        }
      }),
      z.record(z.string(), z.unknown()),
    ])
    .pipe(ClaimNamesSchema)
    .optional(),
  portalOrigin: z.string().optional(),
  alarmEmail: z.email().optional(),
});

export class DeploymentConfigError extends Error {
  override readonly name = 'DeploymentConfigError';
}

/**
 * The configuration from a context lookup (`app.node.tryGetContext`). Throws one error
 * naming every problem, so a deploy command is fixed in one go.
 */
export function readDeploymentConfig(context: (key: string) => unknown): DeploymentConfig {
  const raw = Object.fromEntries(
    Object.keys(ContextSchema.shape).map((key) => [key, context(key) ?? undefined]),
  );
  const parsed = ContextSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DeploymentConfigError(
      parsed.error.issues.map((i) => `-c ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  const c = parsed.data;
  const inChina = c.region?.startsWith('cn-') ?? false;
  let identity: Identity;
  if (c.issuer) {
    const audience = list(c.audience);
    if (audience.length === 0) {
      throw new DeploymentConfigError(
        '-c audience: the client id(s) whose tokens the API accepts are needed with -c issuer',
      );
    }
    identity = {
      kind: 'external',
      issuer: c.issuer.replace(/\/$/, ''),
      audience,
      jwksUrl: c.jwksUrl ?? `${c.issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
      claimNames: c.claimNames ?? {},
    };
  } else if (inChina) {
    throw new DeploymentConfigError(
      `-c issuer: ${c.region} is in AWS China, which has no Cognito user pools; name the province's identity platform with -c issuer=https://… -c audience=<client id>`,
    );
  } else {
    identity = { kind: 'cognito', claimNames: { ...COGNITO_CLAIM_NAMES, ...c.claimNames } };
  }
  return {
    stage: c.stage,
    ...(c.region && { region: c.region }),
    identity,
    portalOrigins: list(c.portalOrigin),
    ...(c.alarmEmail && { alarmEmail: c.alarmEmail }),
  };
}
