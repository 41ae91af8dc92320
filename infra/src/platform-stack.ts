/**
 * The whole platform in one stack, shared by every tenant: the platform key, the table,
 * the documents bucket, the identity provider, the functions, the HTTP API, one review
 * state machine per tenant program, the minute tick and the alarms.
 */
import type { ResolvedTenant } from '@sme/core';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DataTable } from './constructs/data-table.js';
import { DocumentsBucket } from './constructs/documents-bucket.js';
import { IdentityProvider } from './constructs/identity.js';
import { PlatformAlarms } from './constructs/platform-alarms.js';
import { PlatformFunctions } from './constructs/platform-functions.js';
import { PlatformHttpApi } from './constructs/platform-http-api.js';
import {
  ReviewStateMachines,
  stateMachineArnPrefix,
  stateMachineNames,
} from './constructs/review-state-machines.js';
import { TimerSchedule } from './constructs/timer-schedule.js';
import type { DeploymentConfig } from './deployment-config.js';

export interface PlatformStackProps extends StackProps {
  readonly config: DeploymentConfig;
  readonly tenants: readonly ResolvedTenant[];
  /** The module of resolved tenants the function bundles inject. */
  readonly tenantsModule: string;
}

export class PlatformStack extends Stack {
  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config, tenants } = props;
    const namePrefix = `sme-dx-${config.stage}`;

    const key = new kms.Key(this, 'PlatformKey', {
      description: 'Encrypts the platform’s table, documents and alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const data = new DataTable(this, 'Data', { key });
    const identity = new IdentityProvider(this, 'Identity', {
      identity: config.identity,
      namePrefix,
    });

    const timerDeadLetters = new sqs.Queue(this, 'TimerDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const machineNames = stateMachineNames(tenants, namePrefix);
    const arnPrefix = stateMachineArnPrefix(this);
    // The HTTP API comes first: sign-in returns to the portal's origin, and the bucket
    // allows uploads from it.
    const http = new PlatformHttpApi(this, 'Http');
    const portalOrigins = [http.origin, ...config.portalOrigins];
    identity.addPortalClient(portalOrigins);
    const documents = new DocumentsBucket(this, 'Documents', {
      key,
      tenants,
      corsOrigins: portalOrigins,
    });
    const fns = new PlatformFunctions(this, 'Functions', {
      tableName: data.table.tableName,
      tableArns: data.arns,
      bucket: documents.bucket,
      key,
      tenantsModule: props.tenantsModule,
      stateMachines: {
        arns: machineNames.map(({ name }) => `${arnPrefix}${name}`),
        arnPrefix,
        namePrefix,
      },
      oidc: identity,
      tickDeadLetterQueue: timerDeadLetters,
    });
    http.routeTo(fns.functions, identity);
    const review = new ReviewStateMachines(this, 'Review', {
      tenants,
      namePrefix,
      stageFunction: fns.functions.reviewStage,
    });
    new TimerSchedule(this, 'Timer', {
      tick: fns.functions.timerTick,
      deadLetterQueue: timerDeadLetters,
    });
    new PlatformAlarms(this, 'Alarms', {
      api: http.api,
      functions: fns.functions,
      machines: review.machines,
      deadLetterQueues: [timerDeadLetters],
      key,
      ...(config.alarmEmail && { email: config.alarmEmail }),
    });

    new CfnOutput(this, 'ApiUrl', { value: http.url, description: 'The API and portal' });
    new CfnOutput(this, 'Issuer', { value: identity.issuer, description: 'The OIDC issuer' });
    new CfnOutput(this, 'DocumentsBucketName', { value: documents.bucket.bucketName });
    if (identity.userPool) {
      new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    }
  }
}
