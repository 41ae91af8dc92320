/**
 * The cold bench's second peer: the API's own bundle, built as `pnpm bundle:report`
 * builds it but with every `@aws-sdk/*` import answered by one inert module, and asked
 * the API's first call. What the API would weigh and cost with an AWS client of no
 * weight at all: the most a lighter client (aws4fetch, @aws-lite) could win, before its
 * own bytes. Measured, not estimated, for the choice the closing note asks for.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedTenant } from '@sme/core';
import { esbuildOptions, writeTenantsModule } from '@sme/infra/bundling';
import { build, type Plugin } from 'esbuild';
import { FIRST_CALLS } from './probes.js';

/**
 * Whatever is asked of it (a class to construct, a method to call, a property to read),
 * it answers itself; never a promise, so an `await` of it goes on at once. The first
 * call (`GET /api/tenants`) sends nothing to AWS, so nothing waits on a real answer.
 */
const INERT = `const inert = new Proxy(function () {}, {
  get: (_, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : inert),
  apply: () => inert,
  construct: () => inert,
  // esbuild's CommonJS interop copies a module's own names onto an object made from its
  // prototype: made from this one, every other name is answered here too.
  getPrototypeOf: () => inert,
});
module.exports = inert;
`;

const stubSdk: Plugin = {
  name: 'stub-aws-sdk',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\// }, () => ({ path: 'aws-sdk', namespace: 'inert' }));
    build.onLoad({ filter: /.*/, namespace: 'inert' }, () => ({ contents: INERT, loader: 'js' }));
  },
};

/** Builds the peer into `dir`; answers its bundle, its size and its probe. */
export async function buildApiWithoutSdk(tenants: readonly ResolvedTenant[], dir: string) {
  const tenantsModule = writeTenantsModule(tenants, join(dir, 'generated'));
  const { metafile } = await build({
    ...esbuildOptions('api', tenantsModule, dir),
    plugins: [stubSdk],
  });
  const file = join(dir, 'index.mjs');
  const probe = join(dir, 'bench-probe.mjs');
  await writeFile(probe, FIRST_CALLS.api.script);
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('index.mjs'));
  return { file, bytes: output?.[1].bytes ?? 0, probe, call: `${FIRST_CALLS.api.call}, no SDK` };
}
