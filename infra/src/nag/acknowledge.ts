/**
 * Acknowledges cdk-nag findings on a construct and its children, each with the reason
 * a reviewer reads in the validation report. A finding is acknowledged only here, next
 * to the resource it is about, never for the whole app.
 */
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Rule id (or granular finding id, `AwsSolutions-IAM5[Resource::*]`) → reason. */
export type Acknowledgements = Record<string, string>;

export function acknowledge(construct: IConstruct, findings: Acknowledgements): void {
  for (const [id, reason] of Object.entries(findings)) {
    Validations.of(construct).acknowledge({ id, reason });
  }
}

/**
 * The id of the IAM5 finding for a wildcard below a resource's ARN, as cdk-nag names it
 * (`AwsSolutions-IAM5[Resource::<BucketLogicalId.Arn>/tenant/*]`).
 */
export function wildcardBelow(resource: IConstruct, suffix: string): string {
  const element = resource.node.defaultChild as CfnElement;
  return `AwsSolutions-IAM5[Resource::<${Stack.of(resource).getLogicalId(element)}.Arn>${suffix}]`;
}
