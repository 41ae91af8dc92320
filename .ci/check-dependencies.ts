/**
 * Keeps the layers pointing one way (DESIGN §3): `api → platform → workflow → store →
 * core`, `functions → api|platform`, `local → api|platform` and the engines, `infra →
 * workflow, store, core, tenants`, and `core` free of I/O; and keeps `createPlatform`
 * the one place services are constructed. Run by `pnpm lint` in CI; prints each
 * offending line.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Which of our packages each may import. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  store: ['core'],
  workflow: ['store', 'core'],
  platform: ['workflow', 'store', 'core'],
  api: ['platform', 'workflow', 'store', 'core'],
  local: ['api', 'platform', 'workflow', 'store', 'core', 'tenants'],
  functions: ['api', 'platform', 'workflow', 'store', 'core'],
  // The table's definition lives in store; infra reads it, and never the app.
  infra: ['workflow', 'store', 'core', 'tenants'],
};

/** Where each package's code is, when it is not `packages/<name>/src`. */
const SOURCES: Record<string, string[]> = {
  functions: ['functions/src'],
  infra: ['infra/bin', 'infra/src'],
};

/** Modules that do I/O, refused in core (tests included: core's tests need none). */
const IO_MODULES =
  /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram)$|^@aws-sdk\/|^hono(\/|$)/;

const IMPORT =
  /(?:^|\s)(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(join(dir, e.name))
        : Promise.resolve(/\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
}

const root = process.cwd();
const problems: string[] = [];

/** The subpaths each package exports (`./testing`): its public surface besides the root. */
async function exportedSubpaths(pkg: string): Promise<Set<string>> {
  // The tenants package sits at the top level; a package not created yet exports nothing.
  const dir = pkg === 'tenants' ? join(root, 'tenants') : join(root, 'packages', pkg);
  const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}');
  const manifest = JSON.parse(text) as { exports?: Record<string, string> };
  return new Set(Object.keys(manifest.exports ?? {}).map((key) => key.slice(1)));
}
const subpaths = Object.fromEntries(
  await Promise.all(
    [...Object.keys(ALLOWED), 'tenants'].map(
      async (pkg) => [pkg, await exportedSubpaths(pkg)] as const,
    ),
  ),
);

const filesOf = async (pkg: string) =>
  (
    await Promise.all(
      (SOURCES[pkg] ?? [join('packages', pkg, 'src')]).map((dir) => sourceFiles(join(root, dir))),
    )
  ).flat();

for (const [pkg, allowed] of Object.entries(ALLOWED)) {
  for (const file of await filesOf(pkg)) {
    for (const spec of importsOf(await readFile(file, 'utf8'))) {
      const ours = /^@sme\/([^/]+)(\/.*)?$/.exec(spec);
      const target = ours?.[1] ?? '';
      const deep = ours?.[2] && !subpaths[target]?.has(ours[2]);
      if (ours && (!allowed.includes(target) || deep)) {
        problems.push(`${relative(root, file)}: ${pkg} may not import ${spec}`);
      }
      if (pkg === 'core' && IO_MODULES.test(spec)) {
        problems.push(`${relative(root, file)}: core does no I/O, but imports ${spec}`);
      }
    }
  }
}

// Tenant files (directly in tenants/) are data; the loader in tenants/load/ is not one.
for (const file of await sourceFiles(join(root, 'tenants'))) {
  if (file.endsWith('.test.ts') || dirname(file) !== join(root, 'tenants')) continue;
  const text = await readFile(file, 'utf8');
  for (const match of text.matchAll(/^import\s(?!type\s)[^;]*;/gm)) {
    problems.push(
      `${relative(root, file)}: a tenant file imports only types from @sme/core: ${match[0]}`,
    );
  }
}

// Services (repositories and use cases) are wired in one place; hosts choose adapters.
const WIRING =
  /\bnew (ApplicationRepository|OrganizationRepository|BanRepository|TaskRepository|PanelRepository|ExpertRepository|NoticeRepository|DocumentReadLog|ApplicationCommands|ApplicationQueries|Submission|DocumentCommands|DocumentReads|OrganizationCommands|BanCommands|ReviewCommands|PanelCommands|Publicity|Objections|ReviewStageHandler)\(/;
const WIRED_IN = join('packages', 'platform', 'src', 'create-platform.ts');
for (const file of [
  ...(await Promise.all(Object.keys(ALLOWED).map(filesOf))).flat(),
  ...(await sourceFiles(join(root, 'test'))),
]) {
  const path = relative(root, file);
  // A repository's own tests build it on their table, as do the store's and the CLI's reads.
  const own = /^packages\/store\/src\/.*\.test\.ts$/.test(path) || path === WIRED_IN;
  if (own || path.startsWith('packages/local/src/cli/')) continue;
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((line, i) => {
    if (WIRING.test(line))
      problems.push(`${path}:${i + 1}: services are built only by createPlatform: ${line.trim()}`);
  });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`✗ ${problems.length} dependency problem(s)`);
  process.exit(1);
}
console.log('✓ dependencies point one way; core does no I/O; createPlatform alone wires services');
