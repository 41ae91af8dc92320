/**
 * The single table, built from `@sme/store`'s definition so the deployment and the local
 * stack always agree on keys, indexes and TTL. On-demand, point-in-time recovery,
 * deletion protection, encrypted with the platform's key, kept when the stack goes.
 */
import { INDEXES, type IndexDefinition, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '@sme/store';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface DataTableProps {
  /** Encrypts the table at rest. */
  readonly key: kms.IKey;
}

const stringKey = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

export class DataTable extends Construct {
  readonly table: dynamodb.Table;
  /** The ARNs of the table and each of its indexes: grants name them one by one. */
  readonly arns: string[];

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: stringKey(PARTITION_KEY),
      sortKey: stringKey(SORT_KEY),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const indexes: IndexDefinition[] = Object.values(INDEXES);
    for (const index of indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    this.arns = [
      this.table.tableArn,
      ...indexes.map((index) => `${this.table.tableArn}/index/${index.name}`),
    ];
  }
}
