/**
 * Synthesizes the platform stack for template tests: the context of `cdk.json` plus the
 * test's own, bundling skipped (the bundle has its own test), cdk-nag applied as the
 * app applies it.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedTenant } from '@sme/core';
import { TENANTS_DIR } from '@sme/tenants/load';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeploymentConfig } from './deployment-config.js';
import { REPO_ROOT } from './functions/bundling.js';
import { PlatformStack } from './platform-stack.js';

const CDK_CONTEXT = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

export function synthPlatform(
  tenants: readonly ResolvedTenant[],
  context: Record<string, string> = {},
  extend?: (stack: PlatformStack) => void,
) {
  const app = new App({
    context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context },
  });
  const config = readDeploymentConfig((key) => app.node.tryGetContext(key));
  const stack = new PlatformStack(app, `SmeDx-${config.stage}`, {
    config,
    tenants,
    tenantsModule: join(REPO_ROOT, 'infra/.generated/baked-tenants.mjs'),
    ...(config.region && { env: { region: config.region } }),
  });
  extend?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const template = Template.fromStack(stack);
  return { app, stack, template, json: JSON.stringify(template.toJSON()) };
}

/** A copy of `tenants/` in a fresh folder, for tests that add or break a tenant file. */
export async function copyOfTenants(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sme-tenants-'));
  await cp(TENANTS_DIR, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  return dir;
}
