/**
 * The HTTP contract as the OpenAPI document states it: paths, methods, parameters,
 * request and response schemas, status codes. Refactors keep it identical (prose aside);
 * a deliberate change of the contract updates the snapshot in the same commit.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../test-app.test-support.js';

/** The document without its prose, which may be reworded freely. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'description' && key !== 'summary')
        .map(([key, v]) => [key, withoutProse(v)]),
    );
  }
  return value;
}

describe('the OpenAPI document', () => {
  it('states the same contract', async () => {
    const res = await (await testApp()).app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const document = withoutProse(await res.json());
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/openapi.json',
    );
  });
});
