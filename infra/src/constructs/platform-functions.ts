/**
 * The four Lambda functions, bundled from `functions/` with the shared options: the
 * API, the portal's pages, the review stage task and the timer tick. Each has its own role granted exactly
 * the table and index ARNs, key, objects and state machines it uses, its own log group
 * (kept a year: the Cybersecurity Law, Art. 21, asks for six months at least), X-Ray
 * tracing, arm64 and the current Node.js runtime.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  cdkBundling,
  FUNCTION_ENTRIES,
  type FunctionName,
  REPO_ROOT,
} from '../functions/bundling.js';
import { acknowledge, wildcardBelow } from '../nag/acknowledge.js';

export interface PlatformFunctionsProps {
  readonly tableName: string;
  /** The table's ARN and each index's. */
  readonly tableArns: string[];
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  /** The module of resolved tenants esbuild injects. */
  readonly tenantsModule: string;
  /** Every program's state machine ARN (the tick starts them), and how they are named. */
  readonly stateMachines: { arns: string[]; arnPrefix: string; namePrefix: string };
  readonly oidc: {
    issuer: string;
    audience: string[];
    jwksUrl: string;
    claimNames: object;
    /** The portal's client for the code flow; absent, the portal offers no sign-in. */
    portalClientId: string | undefined;
  };
  /** Where the tick's failed asynchronous invocations land. */
  readonly tickDeadLetterQueue: sqs.IQueue;
}

/** What the store calls: items, queries, transactions (their per-item actions), readiness. */
const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:Query',
  'dynamodb:DescribeTable',
];

const KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

const SETTINGS: Record<FunctionName, { memoryMb: number; timeout: Duration; purpose: string }> = {
  api: { memoryMb: 1024, timeout: Duration.seconds(29), purpose: 'HTTP API' },
  portal: { memoryMb: 1024, timeout: Duration.seconds(29), purpose: 'portal pages' },
  reviewStage: { memoryMb: 512, timeout: Duration.seconds(60), purpose: 'review stage task' },
  timerTick: { memoryMb: 512, timeout: Duration.seconds(55), purpose: 'minute timer tick' },
};

export class PlatformFunctions extends Construct {
  readonly functions: Record<FunctionName, nodejs.NodejsFunction>;

  constructor(scope: Construct, id: string, props: PlatformFunctionsProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.tableName,
      BUCKET_NAME: props.bucket.bucketName,
      STATE_MACHINE_ARN_PREFIX: props.stateMachines.arnPrefix,
      STATE_MACHINE_NAME_PREFIX: props.stateMachines.namePrefix,
      OIDC_ISSUER: props.oidc.issuer,
      OIDC_AUDIENCE: props.oidc.audience.join(','),
      OIDC_JWKS_URL: props.oidc.jwksUrl,
      CLAIM_NAMES: JSON.stringify(props.oidc.claimNames),
      ...(props.oidc.portalClientId && { OIDC_CLIENT_ID: props.oidc.portalClientId }),
    };
    const make = (name: FunctionName, extra: Partial<nodejs.NodejsFunctionProps> = {}) => {
      const settings = SETTINGS[name];
      const role = new iam.Role(this, `${name}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `The ${settings.purpose} function`,
      });
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        retention: logs.RetentionDays.ONE_YEAR,
      });
      logGroup.grantWrite(role);
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: TABLE_ACTIONS, resources: props.tableArns }),
      );
      // Table and documents are encrypted with the platform key.
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: KEY_ACTIONS, resources: [props.key.keyArn] }),
      );
      // Decisions release waiting tasks. SendTaskSuccess takes no resource ARN (IAM allows
      // it only on "*"); the task token itself names the one waiting task.
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: ['*'] }),
      );
      return new nodejs.NodejsFunction(this, name, {
        entry: `${REPO_ROOT}/${FUNCTION_ENTRIES[name]}`,
        projectRoot: REPO_ROOT,
        depsLockFilePath: `${REPO_ROOT}/pnpm-lock.yaml`,
        handler: 'handler',
        runtime: lambda.Runtime.NODEJS_24_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: settings.memoryMb,
        timeout: settings.timeout,
        description: `SME DX platform: ${settings.purpose}`,
        role,
        logGroup,
        tracing: lambda.Tracing.ACTIVE,
        environment,
        bundling: cdkBundling(props.tenantsModule, name),
        ...extra,
      });
    };

    const api = make('api');
    const portal = make('portal');
    const reviewStage = make('reviewStage');
    const timerTick = make('timerTick', {
      // One tick at a time: a slow tick is never overtaken by the next.
      reservedConcurrentExecutions: 1,
      // A failed or stale tick is not retried: the next minute's tick does the same work.
      // The failure lands in the dead-letter queue, whose alarm tells the operators.
      deadLetterQueue: props.tickDeadLetterQueue,
      retryAttempts: 0,
      maxEventAge: Duration.minutes(2),
    });
    this.functions = { api, portal, reviewStage, timerTick };

    // The API and the pages sign presigned uploads and reads, read what was uploaded and
    // keep the verified bytes, under tenant/ only; they delete only staged uploads once
    // verified.
    for (const fn of [api, portal]) {
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:PutObject', 's3:GetObject'],
          resources: [props.bucket.arnForObjects('tenant/*')],
        }),
      );
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:DeleteObject'],
          resources: [props.bucket.arnForObjects('tenant/*/staging/*')],
        }),
      );
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [props.bucket.bucketArn],
        }),
      );
      acknowledge(fn.role ?? fn, {
        [wildcardBelow(props.bucket, '/tenant/*')]: OBJECTS_REASON,
        [wildcardBelow(props.bucket, '/tenant/*/staging/*')]: STAGING_REASON,
      });
    }
    timerTick.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: props.stateMachines.arns,
      }),
    );

    acknowledge(this, { 'AwsSolutions-IAM5[Resource::*]': STAR_REASON });
  }
}

const OBJECTS_REASON =
  'Object ARNs cannot be listed ahead; the API reaches only keys under tenant/, and the store checks that each key belongs to the caller’s tenant.';
const STAR_REASON =
  'X-Ray (PutTraceSegments, PutTelemetryRecords) and Step Functions SendTaskSuccess have no resource-level permissions and accept only Resource "*"; a task token names the one task it releases.';

const STAGING_REASON =
  'Staged uploads are removed once verified; their keys (tenant/<tenant>/staging/<uscc>/<application>/<document>) are chosen per declaration at run time, so only the prefix is known.';
