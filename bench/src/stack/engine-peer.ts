/**
 * The burst's peer: DynamoDB Local alone, on the stack's own engine, doing what a submit
 * asks of it and nothing else (no HTTP, no platform, no review running). A submit is
 * three calls (`pnpm bench calls`): a `BatchGetItem` of 3 keys, a `Query` of the
 * application's partition, and a `TransactWriteItems` of 8 items (6 puts, 2 updates,
 * each with a condition). The peer sends the same three against its own table (the
 * platform's key schema and indexes), one partition per submit, at the same
 * concurrency. It shows what the engine itself answers at that concurrency: if it is
 * over the goal, no request path can meet the goal on this machine.
 *
 * The counter it adds to is in the submit's own partition, so no two of its
 * transactions touch one item: DynamoDB Local refuses a transaction that meets another
 * on an item (`TransactionConflict`) at once, which the platform's 16 counter shards
 * meet at times and its retries absorb. The peer is the engine without contention.
 */
import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createTableClients, ensureTable } from '@sme/store';
import { stackEndpoints } from './counts.js';
import { pool } from './population.js';

const TABLE = 'sme-bench-engine-peer';
/** Items in a partition before its submit, as a draft with five documents has. */
const PARTITION_ITEMS = 10;

export interface EngineRun {
  ms: number;
  latenciesMs: number[];
}

/** `count` submit-shaped call groups at `concurrency`, on the stack in `dataDir`. */
export async function engineAlone(
  dataDir: string,
  count: number,
  concurrency: number,
): Promise<EngineRun> {
  const { dynamodb: endpoint } = await stackEndpoints(dataDir);
  const { dynamodb, documents } = createTableClients({ dynamodb: endpoint });
  try {
    await ensureTable(dynamodb, TABLE);
    // Not measured: each partition's items, as the drafts' are before the burst.
    await pool(count, 8, async (i) => {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: Array.from({ length: PARTITION_ITEMS }, (_, k) => ({
            Put: { TableName: TABLE, Item: { pk: `PEER#${i}`, sk: `ITEM#${k}`, version: 0 } },
          })),
        }),
      );
    });
    const latenciesMs: number[] = [];
    const started = performance.now();
    await pool(count, concurrency, async (i) => {
      const sent = performance.now();
      await submitShaped(documents, i);
      latenciesMs.push(performance.now() - sent);
    });
    return { ms: performance.now() - started, latenciesMs };
  } finally {
    dynamodb.destroy();
  }
}

/** Two of the new items are listed, as the submission's are (its listing, its hand-off). */
const newItem = (pk: string, k: number) => ({
  pk,
  sk: `NEW#${k}`,
  at: new Date().toISOString(),
  ...(k < 2 && { gsi1pk: `PEER#LIST#${k}`, gsi1sk: `${new Date().toISOString()}#${pk}` }),
});

async function submitShaped(
  documents: ReturnType<typeof createTableClients>['documents'],
  i: number,
): Promise<void> {
  const pk = `PEER#${i}`;
  await documents.send(
    new BatchGetCommand({
      RequestItems: {
        [TABLE]: { Keys: [0, 1, 2].map((k) => ({ pk, sk: `ITEM#${k}` })) },
      },
    }),
  );
  await documents.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    }),
  );
  const absent = { ConditionExpression: 'attribute_not_exists(pk)' };
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        ...Array.from({ length: 6 }, (_, k) => ({
          Put: { TableName: TABLE, Item: newItem(pk, k), ...absent },
        })),
        {
          Update: {
            TableName: TABLE,
            Key: { pk, sk: 'ITEM#0' },
            UpdateExpression: 'SET version = :next',
            ConditionExpression: 'version = :was',
            ExpressionAttributeValues: { ':was': 0, ':next': 1 },
          },
        },
        {
          Update: {
            TableName: TABLE,
            Key: { pk, sk: 'COUNTER' },
            UpdateExpression: 'ADD submitted :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    }),
  );
}
