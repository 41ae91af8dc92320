/**
 * The settings a deployed function reads from its environment, set by the CDK app.
 * Checked once at cold start: a function missing one fails loudly at once rather than
 * on the first request that needs it.
 */
import { DEFAULT_CLAIM_NAMES } from '@sme/platform';
import { z } from 'zod';

/** A claim name per key; a key left out keeps its default. */
const ClaimNamesSchema = z
  .string()
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'CLAIM_NAMES must be a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(
    z.strictObject({
      tenant: z.string().min(1).default(DEFAULT_CLAIM_NAMES.tenant),
      roles: z.string().min(1).default(DEFAULT_CLAIM_NAMES.roles),
      region: z.string().min(1).default(DEFAULT_CLAIM_NAMES.region),
      org: z.string().min(1).default(DEFAULT_CLAIM_NAMES.org),
      expertId: z.string().min(1).default(DEFAULT_CLAIM_NAMES.expertId),
      name: z.string().min(1).default(DEFAULT_CLAIM_NAMES.name),
    }),
  );

const EnvironmentSchema = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(1),
  /** `arn:<partition>:states:<region>:<account>:stateMachine:` */
  STATE_MACHINE_ARN_PREFIX: z.string().startsWith('arn:'),
  STATE_MACHINE_NAME_PREFIX: z.string().min(1),
  /** The OIDC issuer whose tokens the API accepts (a Cognito pool, or the province's). */
  OIDC_ISSUER: z.url(),
  OIDC_JWKS_URL: z.url(),
  /** The client ids tokens must be issued to, comma-separated; unchecked when absent. */
  OIDC_AUDIENCE: z
    .string()
    .min(1)
    .transform((text) => text.split(',').map((id) => id.trim()))
    .optional(),
  /** The portal's client at the issuer (code flow with PKCE); absent, pages offer no sign-in. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Where the issuer keeps each claim, as JSON; defaults apply to names left out. */
  CLAIM_NAMES: ClaimNamesSchema.default(DEFAULT_CLAIM_NAMES),
});

export type Environment = z.output<typeof EnvironmentSchema>;

/** Every variable a function reads, for the check that the stack sets each one. */
export const ENVIRONMENT_VARIABLES = Object.keys(EnvironmentSchema.shape);

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const result = EnvironmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`the function's environment is incomplete: ${problems.join('; ')}`);
  }
  return result.data;
}
