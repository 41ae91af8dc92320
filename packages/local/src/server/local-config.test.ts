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

  it('refuses a bad PORT and a CLOCK_START without an offset', () => {
    expect(() => readLocalConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readLocalConfig({ CLOCK_START: '2024-01-20 09:00' })).toThrow(/CLOCK_START/);
  });
});
