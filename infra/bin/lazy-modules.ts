/**
 * `node --import tsx infra/bin/lazy-modules.ts <dir>`: builds the modules a function
 * imports lazily into `<dir>/node_modules/` (see `LAZY_MODULES`). The CDK bundling runs
 * it after esbuild, so the deployed asset carries what `pnpm bundle:report` measures.
 */
import { buildLazyModules } from '../src/functions/bundling.js';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: lazy-modules.ts <output directory>');
  process.exit(2);
}
await buildLazyModules(outdir);
