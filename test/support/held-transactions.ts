/**
 * Holding a write at the instant a race needs: a middleware on the real client that
 * stops the next TransactWriteItems mentioning a text until the test lets it go, so a
 * test can land another write first (DynamoDB Local still serves both).
 */
import type { StoreClients } from '@sme/store';

export interface HeldTransaction {
  /** Resolves when the held transaction has been sent (and is waiting). */
  arrived: Promise<void>;
  /** Lets it go on to DynamoDB. */
  release: () => void;
}

interface Hold {
  text: string;
  gate: Promise<void>;
  reached: () => void;
}

export function holdTransactions(client: StoreClients['dynamodb']) {
  const holds: Hold[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      const items = JSON.stringify((args.input as { TransactItems?: unknown[] }).TransactItems);
      const at = holds.findIndex((h) => items.includes(h.text));
      const [hold] = at >= 0 ? holds.splice(at, 1) : [];
      if (hold) {
        hold.reached();
        await hold.gate;
      }
      return next(args);
    },
    { step: 'initialize', name: 'holdTransactions' },
  );
  return {
    /** Holds the next transaction with an item mentioning `text`. */
    next(text: string): HeldTransaction {
      let release = () => {};
      let reached = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const arrived = new Promise<void>((resolve) => {
        reached = resolve;
      });
      holds.push({ text, gate, reached });
      return { arrived, release };
    },
  };
}
