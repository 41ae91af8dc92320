/**
 * Alarms that page the operators: the API answering 5xx, any function erring or being
 * throttled, any review execution failing or timing out, and anything in a dead-letter
 * queue. They notify one topic (encrypted, TLS only), with an e-mail subscription when
 * one is configured.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface PlatformAlarmsProps {
  readonly api: apigw.HttpApi;
  readonly functions: Record<string, lambda.IFunction>;
  readonly machines: sfn.StateMachine[];
  readonly deadLetterQueues: sqs.IQueue[];
  readonly key: kms.IKey;
  readonly email?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

export class PlatformAlarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: PlatformAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'SME DX platform alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    // CloudWatch publishes to the encrypted topic: without the key, alarms notify no one.
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    const notify = new actions.SnsAction(this.topic);
    const alarm = (name: string, metric: cloudwatch.IMetric, description: string) => {
      const created = new cloudwatch.Alarm(this, name, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(notify);
    };

    alarm('Api5xx', props.api.metricServerError({ period: FIVE_MINUTES }), 'The API answered 5xx');
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES }), `${name} failed`);
      alarm(`${name}Throttles`, fn.metricThrottles({ period: FIVE_MINUTES }), `${name} throttled`);
    }
    for (const machine of props.machines) {
      alarm(
        `${machine.node.id}Failed`,
        new cloudwatch.MathExpression({
          expression: 'failed + timedOut',
          usingMetrics: {
            failed: machine.metricFailed({ period: FIVE_MINUTES }),
            timedOut: machine.metricTimedOut({ period: FIVE_MINUTES }),
          },
          period: FIVE_MINUTES,
        }),
        `A review execution of ${machine.node.id} failed or timed out`,
      );
    }
    props.deadLetterQueues.forEach((queue, index) => {
      alarm(
        `DeadLetters${index}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
        'Messages wait in a dead-letter queue',
      );
    });
  }
}
