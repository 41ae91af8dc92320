/**
 * Reads the tenant files once (the edge where configuration enters) and hands the
 * resolved tenants to the tests as data, the way Lambda bundles receive them.
 */
import { loadTenants } from '@sme/local';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<void> {
  const { tenants, errors } = await loadTenants();
  if (errors.length > 0) {
    throw new Error(
      `invalid tenants:\n${errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join('\n')}`,
    );
  }
  project.provide('tenants', tenants);
}
