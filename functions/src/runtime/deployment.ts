/**
 * What every deployed function shares, built once per container: the baked tenants,
 * the store on the deployment's table, and the Step Functions review engine. Only the
 * API touches the documents bucket, so its client is the API's own.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import { type Clock, type ResolvedTenant, systemClock } from '@sme/core';
import {
  ApplicationRepository,
  BanRepository,
  createTableClients,
  NoticeRepository,
  TaskRepository,
  TenantTable,
} from '@sme/store';
import { Publicity, type ReviewDeps, StepFunctionsReview } from '@sme/workflow';
import { bakedTenants } from './baked-tenants.js';
import { type Environment, readEnvironment } from './environment.js';

export interface Deployment {
  env: Environment;
  tenants: readonly ResolvedTenant[];
  clock: Clock;
  tableClients: ReturnType<typeof createTableClients>;
  table: TenantTable;
  /** What the stage handler needs (tenants, repositories, clock). */
  reviewDeps: ReviewDeps;
  review: StepFunctionsReview;
  publicity: Publicity;
}

export function createDeployment(
  env: Environment,
  tenants: readonly ResolvedTenant[],
  tableClients = createTableClients(),
  sfn: Pick<SFNClient, 'send'> = new SFNClient({}),
  clock: Clock = systemClock,
): Deployment {
  const table = new TenantTable(tableClients.documents, env.TABLE_NAME);
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const apps = new ApplicationRepository(table);
  const tasks = new TaskRepository(table);
  const review = new StepFunctionsReview({
    sfn,
    tenants: byId,
    apps,
    clock,
    machines: {
      arnPrefix: env.STATE_MACHINE_ARN_PREFIX,
      namePrefix: env.STATE_MACHINE_NAME_PREFIX,
    },
  });
  return {
    env,
    tenants,
    clock,
    tableClients,
    table,
    reviewDeps: { tenants: byId, apps, bans: new BanRepository(table), tasks, clock },
    review,
    publicity: new Publicity({
      tenants: byId,
      apps,
      tasks,
      notices: new NoticeRepository(table),
      releaser: review,
      clock,
      newId: () => crypto.randomUUID(),
    }),
  };
}

let current: Deployment | undefined;

/** The container's deployment, from its environment and the baked tenants. */
export function deployment(): Deployment {
  current ??= createDeployment(readEnvironment(), bakedTenants());
  return current;
}
