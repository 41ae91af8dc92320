/**
 * The local server's environment (API.md "Local stack").
 */
import { join, resolve } from 'node:path';
import { parseInstant } from '@sme/core';

export interface LocalConfig {
  /** The app's port on 127.0.0.1; 0 for any free one. */
  port: number;
  /** DynamoDB Local's port on 127.0.0.1; a free one when absent. */
  dynamodbPort?: number;
  /** The local S3's port on 127.0.0.1; a free one when absent. */
  s3Port?: number;
  /** Everything the platform stores locally lives here; a fresh folder is an empty platform. */
  dataDir: string;
  /** Where the virtual clock starts; real time when absent. */
  clockStart?: Date;
}

/** The virtual clock's instant, under `DATA_DIR`. */
export const CLOCK_FILE = 'clock.json';

/** Where the stack keeps the virtual clock. */
export const clockFile = (config: LocalConfig) => join(config.dataDir, CLOCK_FILE);

/** How the stack starts DynamoDB Local: its data under `DATA_DIR`, on `DYNAMODB_PORT`. */
export const dynamoDbLocalOptions = (config: LocalConfig) => ({
  dataDir: join(config.dataDir, 'dynamodb'),
  ...(config.dynamodbPort && { port: config.dynamodbPort }),
});

function readPort(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new Error(`${name} must be a port number, got ${value}`);
  }
  return port;
}

export function readLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const port = readPort(env, 'PORT') ?? 3000;
  // 0 means "any free port", which is also what leaving them unset does.
  const dynamodbPort = readPort(env, 'DYNAMODB_PORT') || undefined;
  const s3Port = readPort(env, 'S3_PORT') || undefined;
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
  return {
    port,
    ...(dynamodbPort && { dynamodbPort }),
    ...(s3Port && { s3Port }),
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    ...(clockStart && { clockStart }),
  };
}
