/**
 * The test support's `ApiClient` drives an `App` through `app.request`; this stands in
 * for one with real HTTP to a server process, so the scenario helpers (sign in, draft,
 * attach documents) can prepare data on the stack the benchmark loads. Node's fetch
 * keeps connections alive, as a browser would.
 */
import type { App } from '@sme/api';

export function httpApp(url: string): App {
  return {
    request: (input: string | Request, init?: RequestInit) =>
      fetch(typeof input === 'string' ? url + input : input, init),
  } as unknown as App;
}
