/**
 * The CDK app (`pnpm cdk synth|deploy -c stage=…`): reads the deployment's context and
 * every tenant file, refuses to go on if any tenant is invalid, and builds one platform
 * stack checked by cdk-nag's AWS Solutions rules. Synthesis needs no AWS account.
 */
import { join } from 'node:path';
import type { ResolvedTenant } from '@sme/core';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deployableTenants, InvalidTenantsError } from '../src/deployable-tenants.js';
import {
  type DeploymentConfig,
  DeploymentConfigError,
  readDeploymentConfig,
} from '../src/deployment-config.js';
import { REPO_ROOT, writeTenantsModule } from '../src/functions/bundling.js';
import { PlatformStack } from '../src/platform-stack.js';

const app = new App();
let config: DeploymentConfig;
let tenants: ResolvedTenant[];
try {
  config = readDeploymentConfig((key) => app.node.tryGetContext(key));
  tenants = await deployableTenants();
} catch (error) {
  if (!(error instanceof DeploymentConfigError || error instanceof InvalidTenantsError)) {
    throw error;
  }
  console.error(`✗ ${error.message}`);
  process.exit(1);
}

new PlatformStack(app, `SmeDx-${config.stage}`, {
  config,
  tenants,
  tenantsModule: writeTenantsModule(tenants, join(REPO_ROOT, 'infra/.generated')),
  ...(config.region && { env: { region: config.region } }),
  description: `SME digital-transformation service provider platform (${config.stage})`,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
