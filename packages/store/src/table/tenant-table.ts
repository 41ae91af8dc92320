/**
 * The single table, seen through one tenant: every read and write takes the tenant
 * context and refuses a key outside it. Higher repositories (applications, tasks, …)
 * build on this rather than on the raw client.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionFailedError } from '../errors.js';
import { decodeStartKey, encodeCursorValue } from './cursor.js';
import { assertTenantKey, type TenantContext } from './keys.js';
import { INDEXES, type IndexName, PARTITION_KEY, SORT_KEY } from './table-definition.js';
import { type TransactOp, transactWrite } from './transaction.js';

/** An item as stored: its keys plus any attributes. */
export interface TableItem {
  pk: string;
  sk: string;
  [attribute: string]: unknown;
}

/** The key of one item. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** One string per item key, to look up what `getMany` found. */
export const itemKey = (key: ItemKey) => `${key.pk}\n${key.sk}`;

/** The item of `key` among what `getMany` found, as `read` makes it; undefined if absent. */
export function foundIn<T>(
  items: ReadonlyMap<string, TableItem>,
  key: ItemKey,
  read: (item: TableItem) => T,
): T | undefined {
  const item = items.get(itemKey(key));
  return item && read(item);
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  next?: string;
}

export interface QueryOptions {
  /** Only sort keys starting with this. */
  beginsWith?: string;
  limit?: number;
  cursor?: string | undefined;
  /** Newest first when the sort key is a time. */
  descending?: boolean;
  /** Keep only items whose attribute equals the value (applied after the key condition). */
  where?: { attribute: string; equals: string };
}

export class TenantTable {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get<T extends TableItem>(
    ctx: TenantContext,
    pk: string,
    sk: string,
  ): Promise<T | undefined> {
    assertTenantKey(ctx, pk);
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { [PARTITION_KEY]: pk, [SORT_KEY]: sk },
        ConsistentRead: true,
      }),
    );
    return Item as T | undefined;
  }

  /**
   * Several items by key in one strongly consistent BatchGetItem (what a command needs
   * from several partitions in one call), by `itemKey`; absent items are left out.
   * Keys DynamoDB leaves unprocessed under load are asked again.
   */
  async getMany(ctx: TenantContext, keys: readonly ItemKey[]): Promise<Map<string, TableItem>> {
    const found = new Map<string, TableItem>();
    const unique = [...new Map(keys.map((k) => [itemKey(k), k])).values()];
    for (const key of unique) assertTenantKey(ctx, key.pk);
    // BatchGetItem takes at most 100 keys.
    for (let start = 0; start < unique.length; start += 100) {
      let pending: Record<string, unknown>[] | undefined = unique
        .slice(start, start + 100)
        .map((k) => ({ [PARTITION_KEY]: k.pk, [SORT_KEY]: k.sk }));
      while (pending && pending.length > 0) {
        const answer: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        for (const item of answer.Responses?.[this.tableName] ?? [])
          found.set(itemKey(item as TableItem), item as TableItem);
        pending = answer.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }

  /** Writes an item; with `ifAbsent`, refuses to overwrite an existing one. */
  async put(
    ctx: TenantContext,
    item: TableItem,
    options: { ifAbsent?: boolean } = {},
  ): Promise<void> {
    assertTenantKey(ctx, item.pk);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ...(options.ifAbsent && { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConditionFailedError(`${item.pk} ${item.sk} exists`, { cause: error });
      }
      throw error;
    }
  }

  /** All-or-nothing writes; every key must be the tenant's. */
  transact(ctx: TenantContext, ops: readonly TransactOp[]): Promise<void> {
    return transactWrite(this.client, this.tableName, ctx, ops);
  }

  /** Items of one partition, in sort-key order. */
  async query<T extends object = TableItem>(
    ctx: TenantContext,
    pk: string,
    options: QueryOptions = {},
  ): Promise<Page<T>> {
    assertTenantKey(ctx, pk);
    return this.run<T>(ctx, { keys: [PARTITION_KEY, SORT_KEY], pk }, options);
  }

  /** Items of one index partition; the index partition key must be the tenant's too. */
  async queryIndex<T extends object = TableItem>(
    ctx: TenantContext,
    index: Exclude<IndexName, 'byDue' | 'byOrganization'>,
    pk: string,
    options: QueryOptions = {},
  ): Promise<Page<T>> {
    assertTenantKey(ctx, pk);
    const { name, partitionKey, sortKey } = INDEXES[index];
    return this.run<T>(ctx, { keys: [partitionKey, sortKey], pk, indexName: name }, options);
  }

  /**
   * Items of the shared due-time index whose due instant is before `until`, oldest
   * first, across tenants: the timer tick fires every tenant's. Each item names its
   * tenant, whose context the caller then acts in.
   */
  async dueItems(shard: string, until: string, limit: number): Promise<TableItem[]> {
    const { name, partitionKey, sortKey } = INDEXES.byDue;
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: name,
        KeyConditionExpression: '#pk = :pk AND #sk < :until',
        ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
        // '~' sorts after '#', so every item due at `until` or before is included.
        ExpressionAttributeValues: { ':pk': shard, ':until': `${until}~` },
        Limit: limit,
      }),
    );
    return Items as TableItem[];
  }

  private async run<T>(
    ctx: TenantContext,
    target: { keys: [string, string]; pk: string; indexName?: string },
    options: QueryOptions,
  ): Promise<Page<T>> {
    const [partitionKey, sortKey] = target.keys;
    const input: QueryCommandInput = {
      TableName: this.tableName,
      KeyConditionExpression: options.beginsWith
        ? '#pk = :pk AND begins_with(#sk, :prefix)'
        : '#pk = :pk',
      ExpressionAttributeNames: {
        '#pk': partitionKey,
        ...(options.beginsWith && { '#sk': sortKey }),
        ...(options.where && { '#where': options.where.attribute }),
      },
      ExpressionAttributeValues: {
        ':pk': target.pk,
        ...(options.beginsWith && { ':prefix': options.beginsWith }),
        ...(options.where && { ':where': options.where.equals }),
      },
      ...(options.where && { FilterExpression: '#where = :where' }),
      ScanIndexForward: !options.descending,
      ...(target.indexName && { IndexName: target.indexName }),
      ...(options.limit && { Limit: options.limit }),
      ...(options.cursor && {
        ExclusiveStartKey: decodeStartKey(options.cursor, {
          ctx,
          partitionKey,
          partition: target.pk,
          sortKey,
          beginsWith: options.beginsWith,
        }),
      }),
    };
    const { Items = [], LastEvaluatedKey } = await this.client.send(new QueryCommand(input));
    return {
      items: Items as T[],
      ...(LastEvaluatedKey && { next: encodeCursorValue(LastEvaluatedKey) }),
    };
  }
}
