/**
 * `pnpm tenants:check [file…]`: validates every tenant in tenants/, or the files given.
 * Prints one line per error (`file path: reason`) and exits non-zero if there is any.
 */
import { loadTenants } from '@sme/tenants/load';

const files = process.argv.slice(2);
const { tenants, errors } = await loadTenants(files.length > 0 ? { files } : {});

for (const error of errors) {
  console.error(`${error.file} ${error.path || '(file)'}: ${error.message}`);
}
if (errors.length > 0) {
  console.error(`✗ ${errors.length} error(s)`);
  process.exit(1);
}
const summary = tenants.map((t) => `${t.id} (${t.programs.length} programs)`).join(', ');
console.log(`✓ ${tenants.length} tenant(s) valid: ${summary}`);
