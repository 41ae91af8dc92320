import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployableTenants, InvalidTenantsError } from './deployable-tenants.js';
import { copyOfTenants } from './platform-stack.test-support.js';

describe('deployableTenants', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('resolves every tenant file of the repository', async () => {
    const tenants = await deployableTenants();
    expect(tenants.map((t) => t.id)).toEqual(['jinan', 'jining', 'qingdao', 'shandong']);
  });

  it('refuses to synthesize from an invalid tenant, naming its file, path and reason', async () => {
    const dir = await copyOfTenants();
    dirs.push(dir);
    const qingdao = await readFile(join(dir, 'qingdao.ts'), 'utf8');
    await writeFile(join(dir, 'qingdao.ts'), qingdao.replace("id: 'qingdao'", "id: 'tsingtao'"));
    const refused = deployableTenants(dir);
    await expect(refused).rejects.toBeInstanceOf(InvalidTenantsError);
    await expect(refused).rejects.toThrow(
      /qingdao\.ts id: id "tsingtao" does not match the file name "qingdao"/,
    );
  });
});
