import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../server/local-stack.js';
import { DemoError, demoApply } from './demo-apply.js';

describe('pnpm demo:apply', () => {
  it('walks a provider from sign-in to submitted on a fresh local stack, and says why when the call is closed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sme-demo-'));
    const stack = await startLocalStack({
      port: 0,
      dataDir,
      clockStart: new Date('2024-01-20T09:00:00+08:00'),
    });
    try {
      const lines: string[] = [];
      const result = await demoApply(stack.url, (line) => lines.push(line));
      expect(result.status).toBe('submitted');
      expect(lines.filter((l) => l.startsWith('4. uploaded and verified'))).toHaveLength(5);
      const read = await fetch(`${stack.url}/api/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceTo: '2024-02-01T00:00:00+08:00' }),
      });
      expect(read.status).toBe(200);
      await expect(demoApply(stack.url, () => undefined)).rejects.toThrow(DemoError);
      await expect(demoApply(stack.url, () => undefined)).rejects.toThrow(/window_closed/);
    } finally {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
