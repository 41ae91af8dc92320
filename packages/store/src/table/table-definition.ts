/**
 * The single table: its keys, indexes and TTL, defined once. The local stack creates
 * the table from `createTableInput`; the CDK stack builds its Table from the same
 * constants, so both always agree.
 *
 * Every tenant-owned item's partition key starts with `T#<tenant>#` (see `keys.ts`).
 * Queries never scan: each access pattern has a key or an index.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
/** Epoch seconds after which DynamoDB may delete the item (idempotency records, sessions). */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** What the index answers, for whoever adds an access pattern. */
  readonly purpose: string;
}

export const INDEXES = {
  /** Lists within a tenant: applications by program and status or stage, tasks by scope. */
  byListing: {
    name: 'gsi1',
    partitionKey: 'gsi1pk',
    sortKey: 'gsi1sk',
    purpose: 'T#<tenant>#<collection>#<facet> → items ordered by time',
  },
  /** Work by due time: timers and open tasks, oldest first. */
  byDue: {
    name: 'gsi2',
    partitionKey: 'gsi2pk',
    sortKey: 'gsi2sk',
    purpose: 'DUE#<shard> → <dueAt ISO>#<id>',
  },
  /** Everything of one organization across tenants (duplicates, branches, bans). */
  byOrganization: {
    name: 'gsi3',
    partitionKey: 'gsi3pk',
    sortKey: 'gsi3sk',
    purpose: 'ORG#<uscc> → T#<tenant>#<item>',
  },
} as const satisfies Record<string, IndexDefinition>;

export type IndexName = keyof typeof INDEXES;

/** CreateTable input for the local stack and tests (on-demand, all attributes projected). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const indexes = Object.values(INDEXES);
  const stringAttributes = [
    PARTITION_KEY,
    SORT_KEY,
    ...indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: stringAttributes.map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
