/**
 * Runs the timer tick every minute with EventBridge Scheduler: reviews start within a
 * minute of submission and publicity closes within a minute of its end. A tick that
 * cannot be delivered lands in the dead-letter queue, which raises an alarm.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge, wildcardBelow } from '../nag/acknowledge.js';

export interface TimerScheduleProps {
  readonly tick: lambda.IFunction;
  readonly deadLetterQueue: sqs.IQueue;
}

export class TimerSchedule extends Construct {
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: TimerScheduleProps) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Invokes the timer tick',
    });
    acknowledge(role, {
      [wildcardBelow(props.tick, ':*')]:
        'The invoke grant also names the function’s versions (:*); the schedule invokes only the function itself.',
    });
    this.schedule = new scheduler.Schedule(this, 'Tick', {
      description: 'Starts reviews of new submissions and closes ended publicity',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
      target: new targets.LambdaInvoke(props.tick, {
        role,
        deadLetterQueue: props.deadLetterQueue,
        // A missed tick is made good by the next one; retrying an old one helps nobody.
        maxEventAge: Duration.minutes(2),
        retryAttempts: 2,
      }),
    });
  }
}
