/**
 * The environment a deployed function gets from the stack, for the suites that run the
 * functions (from source or from their bundles) on the local engines.
 */
import { localDynamoDbEndpoint } from '@sme/store/testing';

export const ARN_PREFIX = 'arn:aws-cn:states:cn-northwest-1:000000000000:stateMachine:';
const ISSUER = 'https://id.example.gov.cn/oidc';

/** The variables the stack sets, on the given table; a suite overrides what it tests. */
export function functionEnvironment(
  tableName: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    TABLE_NAME: tableName,
    BUCKET_NAME: 'unused',
    STATE_MACHINE_ARN_PREFIX: ARN_PREFIX,
    STATE_MACHINE_NAME_PREFIX: 'sme-dx-test',
    OIDC_ISSUER: ISSUER,
    OIDC_JWKS_URL: `${ISSUER}/.well-known/jwks.json`,
    ...overrides,
  };
}

/** Points a bundle's own AWS SDK at DynamoDB Local, as the test store reaches it. */
export function localAwsEnvironment(): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_DYNAMODB: localDynamoDbEndpoint(),
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
}
