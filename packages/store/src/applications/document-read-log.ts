/**
 * Who opened which document of an application, and when. A read is not a change of
 * the application, so it is not in its history, but every one is kept beside it.
 */
import type { TenantContext } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import { appPk } from './application-items.js';

export interface DocumentRead {
  id: string;
  applicationId: string;
  documentId: string;
  actor: string;
  role: string;
  at: string;
}

export class DocumentReadLog {
  constructor(private readonly table: TenantTable) {}

  async record(ctx: TenantContext, read: DocumentRead): Promise<void> {
    await this.table.put(
      ctx,
      { pk: appPk(ctx, read.applicationId), sk: `READ#${read.at}#${read.id}`, ...read },
      { ifAbsent: true },
    );
  }

  /** Every read of the application's documents, oldest first. */
  async list(ctx: TenantContext, applicationId: string): Promise<DocumentRead[]> {
    const reads: DocumentRead[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, appPk(ctx, applicationId), {
        beginsWith: 'READ#',
        cursor,
      });
      reads.push(
        ...page.items.map(({ pk: _pk, sk: _sk, ...read }) => read as unknown as DocumentRead),
      );
      cursor = page.next;
    } while (cursor);
    return reads;
  }
}
