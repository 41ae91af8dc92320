/**
 * Counts DynamoDB commands per HTTP request: an SDK v3 middleware on the client's
 * stack (which the document client shares) reads the request it runs for from an
 * AsyncLocalStorage. The stack's timer loop and other requests run outside that
 * context, so they never add to a request's count; work a request leaves running after
 * its answer (the same async chain) is counted apart, as `after`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { App } from '@sme/api';
import type { StoreClients } from '@sme/store';

export interface CountedRequest {
  method: string;
  /** The path with ids replaced (`/applications/:id/submit`), to group by route. */
  route: string;
  status: number;
  /** Commands sent before the answer, by name (`QueryCommand`). */
  during: Record<string, number>;
  /** Commands the request's async chain sent after its answer. */
  after: Record<string, number>;
  answered: boolean;
}

const ID_SEGMENT = /\/(orgs|applications|documents|experts)\/[^/?]+/g;

export const routeOf = (path: string) =>
  path.replace(/\?.*$/, '').replace(ID_SEGMENT, (_, collection: string) => `/${collection}/:id`);

export const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

export class CallCounter {
  readonly requests: CountedRequest[] = [];
  /** Commands sent outside any request (the review's runs, the timer), by name. */
  readonly outside: Record<string, number> = {};
  private readonly current = new AsyncLocalStorage<CountedRequest>();

  /** Adds the counting middleware to the client: once per command, before any retry. */
  attach(client: StoreClients['dynamodb']): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const request = this.current.getStore();
        const counts = !request ? this.outside : request.answered ? request.after : request.during;
        const name = context.commandName ?? 'unknown';
        counts[name] = (counts[name] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'benchCallCounter' },
    );
  }

  /** The app with `request` run inside a counted context; everything else as is. */
  wrap(app: App): App {
    const counted = Object.create(app) as App;
    counted.request = async (input, init, env, ctx) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://bench');
      const entry: CountedRequest = {
        method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
        route: routeOf(url.pathname),
        status: 0,
        during: {},
        after: {},
        answered: false,
      };
      this.requests.push(entry);
      return this.current.run(entry, async () => {
        const response = await app.request(input, init, env, ctx);
        entry.status = response.status;
        entry.answered = true;
        return response;
      });
    };
    return counted;
  }
}
