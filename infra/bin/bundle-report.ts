/**
 * `pnpm bundle:report`: each function's minified bundle size against its budget and its
 * ten heaviest modules, so the API bundle's weight is watched. Exits 1 when a bundle is
 * over its budget (`BUNDLE_BUDGETS`), carries a module it must not (CDK, the local
 * engines, test code) or lacks the tenants.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenants } from '@sme/tenants/load';
import { bundleAll, formatReport, unfit } from '../src/functions/bundle-report.js';

const { tenants, errors } = await loadTenants();
if (errors.length > 0) {
  console.error(`✗ ${errors.length} tenant error(s): run pnpm tenants:check`);
  process.exit(1);
}
const outdir = await mkdtemp(join(tmpdir(), 'sme-bundles-'));
try {
  const reports = await bundleAll(tenants, outdir);
  console.log(formatReport(reports));
  if (reports.some(unfit)) process.exitCode = 1;
} finally {
  await rm(outdir, { recursive: true, force: true });
}
