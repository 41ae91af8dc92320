/**
 * One Step Functions state machine per program of every tenant, compiled from
 * `tenants/` by `@sme/workflow`: a tenant file added or changed becomes machines on the
 * next deploy, with no code change. Task resources are substituted with
 * partition-aware ARNs; every machine logs ALL to one log group and traces with X-Ray.
 */
import type { ResolvedTenant } from '@sme/core';
import { compileProgram, SUBSTITUTIONS, stateMachineName } from '@sme/workflow';
import { Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge.js';

export interface ReviewStateMachinesProps {
  readonly tenants: readonly ResolvedTenant[];
  /** Starts every machine's name (`sme-dx-prod`). */
  readonly namePrefix: string;
  readonly stageFunction: lambda.IFunction;
}

/** `arn:<partition>:states:<region>:<account>:stateMachine:` of this stack. */
export function stateMachineArnPrefix(scope: Construct): string {
  const stack = Stack.of(scope);
  return `arn:${Aws.PARTITION}:states:${stack.region}:${stack.account}:stateMachine:`;
}

/** Every program's machine name, for grants made before the machines exist. */
export function stateMachineNames(tenants: readonly ResolvedTenant[], namePrefix: string) {
  return tenants.flatMap((tenant) =>
    tenant.programs.map((program) => ({
      tenant: tenant.id,
      program: program.id,
      name: stateMachineName(namePrefix, tenant.id, program.id),
    })),
  );
}

export class ReviewStateMachines extends Construct {
  readonly machines: sfn.StateMachine[] = [];

  constructor(scope: Construct, id: string, props: ReviewStateMachinesProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      // Vended-log group names keep the resource policy small however many machines log.
      logGroupName: `/aws/vendedlogs/states/${props.namePrefix}`,
      retention: logs.RetentionDays.ONE_YEAR,
    });
    const lambdaIntegration = `arn:${Aws.PARTITION}:states:::lambda:invoke`;
    const byTenant = new Map(props.tenants.map((t) => [t.id, t]));

    for (const { tenant, program, name } of stateMachineNames(props.tenants, props.namePrefix)) {
      const config = byTenant.get(tenant)?.programs.find((p) => p.id === program);
      if (!config) continue;
      const role = new iam.Role(this, `${tenant}-${program}-role`, {
        assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      });
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [props.stageFunction.functionArn],
        }),
      );
      const machine = new sfn.StateMachine(this, `${tenant}-${program}`, {
        stateMachineName: name,
        stateMachineType: sfn.StateMachineType.STANDARD,
        comment: `${tenant} / ${program}`,
        definitionBody: sfn.DefinitionBody.fromString(
          JSON.stringify(compileProgram(tenant, config)),
        ),
        definitionSubstitutions: {
          [SUBSTITUTIONS.invoke]: lambdaIntegration,
          [SUBSTITUTIONS.invokeAndWait]: `${lambdaIntegration}.waitForTaskToken`,
          [SUBSTITUTIONS.stageFunction]: props.stageFunction.functionArn,
        },
        role,
        logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
        tracingEnabled: true,
      });
      this.machines.push(machine);
    }

    acknowledge(this, {
      'AwsSolutions-IAM5[Resource::*]':
        'Logging to CloudWatch Logs (vended log delivery) and tracing with X-Ray accept only Resource "*": neither has resource-level permissions.',
    });
  }
}
