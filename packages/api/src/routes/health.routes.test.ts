import { describe, expect, it } from 'vitest';
import { testApp } from '../test-app.test-support.js';

describe('GET /api/health', () => {
  it('answers ok with the number of tenants once ready', async () => {
    const res = await (await testApp()).app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', tenants: 4 });
  });

  it('answers ok while runs are resumed after a restart, saying how far along', async () => {
    const resuming = { done: 120, of: 2500 };
    const res = await (await testApp({ resuming })).app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', tenants: 4, resuming });
  });

  it('answers 503 not_ready while storage is not ready', async () => {
    const res = await (await testApp({ ready: false })).app.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'not_ready' });
  });
});
