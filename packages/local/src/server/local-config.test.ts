import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocalConfig } from './local-config.js';

describe('readLocalConfig', () => {
  it('defaults to port 3000 and .data with the clock on real time', () => {
    expect(readLocalConfig({})).toEqual({ port: 3000, dataDir: resolve('.data') });
  });

  it('reads PORT, DATA_DIR and CLOCK_START', () => {
    const config = readLocalConfig({
      PORT: '8080',
      DATA_DIR: '/tmp/x',
      CLOCK_START: '2024-01-20T09:00:00+08:00',
    });
    expect(config).toEqual({
      port: 8080,
      dataDir: '/tmp/x',
      clockStart: new Date('2024-01-20T01:00:00Z'),
    });
  });

  it('reads DYNAMODB_PORT and S3_PORT, leaving them to the OS when unset or 0', () => {
    expect(readLocalConfig({ DYNAMODB_PORT: '8000', S3_PORT: '4569' })).toMatchObject({
      dynamodbPort: 8000,
      s3Port: 4569,
    });
    const free = readLocalConfig({ DYNAMODB_PORT: '0', S3_PORT: '' });
    expect(free).not.toHaveProperty('dynamodbPort');
    expect(free).not.toHaveProperty('s3Port');
  });

  it('refuses a bad port and a CLOCK_START without an offset', () => {
    expect(() => readLocalConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readLocalConfig({ PORT: '-1' })).toThrow(/PORT/);
    expect(() => readLocalConfig({ DYNAMODB_PORT: '70000' })).toThrow(/DYNAMODB_PORT.*70000/);
    expect(() => readLocalConfig({ S3_PORT: '45.5' })).toThrow(/S3_PORT/);
    expect(() => readLocalConfig({ CLOCK_START: '2024-01-20 09:00' })).toThrow(/CLOCK_START/);
  });
});
