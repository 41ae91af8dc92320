/**
 * Whether the table and the bucket answer: the health check of the local stack (and of
 * any host that wants one).
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from './clients.js';

export async function storageReadiness(
  clients: StoreClients,
  names: { tableName: string; bucket: string },
): Promise<{ ready: boolean; detail?: string }> {
  try {
    const { Table } = await clients.dynamodb.send(
      new DescribeTableCommand({ TableName: names.tableName }),
    );
    if (Table?.TableStatus !== 'ACTIVE')
      return { ready: false, detail: `table ${names.tableName} is ${Table?.TableStatus}` };
    await clients.s3.send(new HeadBucketCommand({ Bucket: names.bucket }));
    return { ready: true };
  } catch (error) {
    return { ready: false, detail: `storage does not answer: ${(error as Error).name}` };
  }
}
