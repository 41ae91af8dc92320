/**
 * Where each program's state machine lives in a deployment. The CDK app names the
 * machines and the functions find them by the same rule, so a tenant added to `tenants/`
 * needs no list of ARNs anywhere: the name follows from the tenant and program ids.
 */
import { createHash } from 'node:crypto';

export interface StateMachineNaming {
  /** `arn:<partition>:states:<region>:<account>:stateMachine:` of the deployment. */
  arnPrefix: string;
  /** Starts every machine name of the deployment (`sme-dx-prod`). */
  namePrefix: string;
}

/** Step Functions allows up to 80 characters. */
const MAX_NAME = 80;

/**
 * `<prefix>-<tenant>-<program>`; a name that would be too long keeps its start and ends
 * with a hash of the whole, so it stays unique and stable.
 */
export function stateMachineName(namePrefix: string, tenant: string, programId: string): string {
  const name = `${namePrefix}-${tenant}-${programId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  if (name.length <= MAX_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return `${name.slice(0, MAX_NAME - hash.length - 1)}-${hash}`;
}

export function stateMachineArn(
  naming: StateMachineNaming,
  tenant: string,
  programId: string,
): string {
  return `${naming.arnPrefix}${stateMachineName(naming.namePrefix, tenant, programId)}`;
}
