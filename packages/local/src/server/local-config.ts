/**
 * The local server's environment (API.md "Local stack").
 */
import { resolve } from 'node:path';
import { parseInstant } from '@sme/core';

export interface LocalConfig {
  port: number;
  /** Everything the platform stores locally lives here; a fresh folder is an empty platform. */
  dataDir: string;
  /** Where the virtual clock starts; real time when absent. */
  clockStart?: Date;
}

export function readLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  }
  let clockStart: Date | undefined;
  if (env.CLOCK_START) {
    try {
      clockStart = parseInstant(env.CLOCK_START);
    } catch {
      throw new Error(
        `CLOCK_START must be an instant with an offset, e.g. 2024-01-20T09:00:00+08:00; got ${env.CLOCK_START}`,
      );
    }
  }
  return { port, dataDir: resolve(env.DATA_DIR ?? '.data'), ...(clockStart && { clockStart }) };
}
