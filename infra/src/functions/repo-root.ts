import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root, from this file's place in it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
