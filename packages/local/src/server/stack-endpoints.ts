/**
 * Where a running local stack's engines are: written into its data folder once they
 * answer, removed when it stops, and read by the tools that reach its table directly
 * (`pnpm audit:verify`, the benchmarks' recount and engine peer).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ENDPOINTS_FILE = 'endpoints.json';

export interface StackEndpoints {
  dynamodb: string;
  s3: string;
  table: string;
}

export const endpointsFileOf = (dataDir: string) => join(dataDir, ENDPOINTS_FILE);

export async function writeStackEndpoints(dataDir: string, endpoints: StackEndpoints) {
  await writeFile(endpointsFileOf(dataDir), JSON.stringify(endpoints));
}

/** The engines of the stack running on `dataDir`; undefined when none runs there. */
export async function readStackEndpoints(dataDir: string): Promise<StackEndpoints | undefined> {
  try {
    return JSON.parse(await readFile(endpointsFileOf(dataDir), 'utf8')) as StackEndpoints;
  } catch {
    return undefined;
  }
}
