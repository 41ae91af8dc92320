import type { SmartRouter } from 'hono/router/smart-router';
import { describe, expect, it } from 'vitest';
import { createApiApp } from './api-app.jsx';
import { hmacVerifier } from './auth/token-verifier.js';
import { TEST_SECRET, testApp } from './test-app.test-support.js';

describe('the API as its Lambda function serves it', () => {
  it("routes with hono's RegExpRouter, not the slower trie it falls back to", async () => {
    // A route pattern RegExpRouter cannot take would silently move every API request
    // onto the trie router (it took ~10 % of the catalogue's CPU under load).
    const { platform } = await testApp();
    const api = createApiApp({
      platform,
      verifier: hmacVerifier(TEST_SECRET),
      readiness: async () => ({ ready: true }),
    });
    expect((await api.request('/api/tenants')).status).toBe(200);
    expect((api.router as SmartRouter<unknown>).activeRouter.name).toBe('RegExpRouter');
  });
});
