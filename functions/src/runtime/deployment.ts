/**
 * What every deployed function shares, built once per container: the baked tenants and
 * the platform on the deployment's table and bucket, with the Step Functions review
 * engine. The functions only choose these adapters; `createPlatform` wires the rest.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import { type Clock, type ResolvedTenant, systemClock } from '@sme/core';
import { createPlatform, type Platform } from '@sme/platform';
import { createDocumentsClient, createTableClients, DocumentStore, TenantTable } from '@sme/store';
import { StepFunctionsReview } from '@sme/workflow';
import { bakedTenants } from './baked-tenants.js';
import { type Environment, readEnvironment } from './environment.js';

export interface Deployment {
  env: Environment;
  tableClients: ReturnType<typeof createTableClients>;
  platform: Platform<StepFunctionsReview>;
}

export function createDeployment(
  env: Environment,
  tenants: readonly ResolvedTenant[],
  tableClients = createTableClients(),
  sfn: Pick<SFNClient, 'send'> = new SFNClient({}),
  clock: Clock = systemClock,
): Deployment {
  const platform = createPlatform({
    tenants,
    table: new TenantTable(tableClients.documents, env.TABLE_NAME),
    // The client connects only when a document is read or written: the API's routes.
    documents: new DocumentStore(createDocumentsClient(), env.BUCKET_NAME),
    clock,
    engine: ({ tenants: byId, outbox }) =>
      new StepFunctionsReview({
        sfn,
        tenants: byId,
        outbox,
        clock,
        machines: {
          arnPrefix: env.STATE_MACHINE_ARN_PREFIX,
          namePrefix: env.STATE_MACHINE_NAME_PREFIX,
        },
      }),
  });
  return { env, tableClients, platform };
}

let current: Deployment | undefined;

/** The container's deployment, from its environment and the baked tenants. */
export function deployment(): Deployment {
  current ??= createDeployment(readEnvironment(), bakedTenants());
  return current;
}
