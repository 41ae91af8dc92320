/**
 * Applications in the table: the first kind of case. Every change is the case
 * repository's one transaction (the application with its version and revision check,
 * its history event, the counters, the organization's record of its live applications
 * and its family's) with whatever the change claims, releases, opens or closes (see
 * `ChangeExtras`). Hand-offs and releases go through the outbox (`ReviewOutbox` reads them).
 */
import type { Application, ApplicationDocument, HistoryEvent } from '@sme/core';
import { CaseRepository } from '../cases/case.repository.js';
import type { TenantContext } from '../table/keys.js';
import { tenantKey } from '../table/keys.js';
import { type ConflictRetry, type PackedOutcome, writePacked } from '../table/packed-writes.js';
import {
  foundIn,
  type ItemKey,
  itemKey,
  type Page,
  type TableItem,
  type TenantTable,
} from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import type { ChangeGroup } from '../table/transaction-packing.js';
import { appPk, familyPk, orgPk, toApplication, toDocument } from './application-items.js';
import { APPLICATION_LAYOUT } from './application-layout.js';
import { type ChangeExtras, extraOps } from './change-extras.js';
import { type CountersByKind, countersByKind } from './counter-items.js';
import { idempotencyRecordKey, type StoredAnswer, toStoredAnswer } from './submit-idempotency.js';

export { APPLICATION_LAYOUT, NO_CATEGORY } from './application-layout.js';

/** A live application of an organization in a program (for its own entry rules). */
export interface OrgApplication {
  id: string;
  programId: string;
  status: string;
  track?: string;
}

/** A submitted application of an organization that declares the same root entity. */
export interface FamilyApplication {
  id: string;
  programId: string;
  uscc: string;
  orgName: string;
  region: string;
  track?: string;
}

export interface ApplicationRecord {
  application: Application;
  documents: ApplicationDocument[];
  /** Guiding rules the application does not meet, for reviewers. */
  flags: unknown[];
}

const metaKey = (ctx: TenantContext, id: string): ItemKey => ({ pk: appPk(ctx, id), sk: 'META' });

export class ApplicationRepository {
  private readonly cases: CaseRepository<Application>;

  constructor(private readonly table: TenantTable) {
    this.cases = new CaseRepository(table, APPLICATION_LAYOUT);
  }

  /** The application (`META`, by key) and all its documents (by prefix, every page). */
  async get(ctx: TenantContext, id: string): Promise<ApplicationRecord | undefined> {
    const meta = await this.cases.meta(ctx, id);
    if (!meta) return undefined;
    return {
      application: toApplication(meta),
      documents: await this.documents(ctx, id),
      flags: (meta.flags as unknown[]) ?? [],
    };
  }

  /**
   * The application and, in the same BatchGetItem, whatever else the command needs
   * (the organization's standing, an idempotency record), its documents read beside it:
   * two calls in all, where reading each on its own would take one per item.
   */
  async getWith(
    ctx: TenantContext,
    id: string,
    extra: readonly ItemKey[],
  ): Promise<{ record?: ApplicationRecord; items: Map<string, TableItem> }> {
    const [{ application, items }, documents] = await Promise.all([
      this.applicationWith(ctx, id, extra),
      this.documents(ctx, id),
    ]);
    if (!application) return { items };
    const flags = items.get(itemKey(metaKey(ctx, id)))?.flags as unknown[] | undefined;
    return { record: { application, documents, flags: flags ?? [] }, items };
  }

  /**
   * The application without its documents and, in the same BatchGetItem, the `extra`
   * items a command needs (its panel, an expert's task and profile): one call, for the
   * review's commands, which read no documents.
   */
  async applicationWith(
    ctx: TenantContext,
    id: string,
    extra: readonly ItemKey[],
  ): Promise<{ application?: Application; items: Map<string, TableItem> }> {
    const meta = metaKey(ctx, id);
    const items = await this.table.getMany(ctx, [meta, ...extra]);
    const item = items.get(itemKey(meta));
    return { ...(item && { application: toApplication(item) }), items };
  }

  /** Applications by id, in one BatchGetItem (per hundred); ids not found are left out. */
  async many(ctx: TenantContext, ids: readonly string[]): Promise<Map<string, Application>> {
    return (await this.manyWith(ctx, ids, [])).applications;
  }

  /** Applications by id and the `extra` items a command needs, in the same batch read. */
  async manyWith(
    ctx: TenantContext,
    ids: readonly string[],
    extra: readonly ItemKey[],
  ): Promise<{ applications: Map<string, Application>; items: Map<string, TableItem> }> {
    const items = await this.table.getMany(ctx, [...ids.map((id) => metaKey(ctx, id)), ...extra]);
    const applications = new Map<string, Application>();
    for (const id of ids) {
      const application = foundIn(items, metaKey(ctx, id), toApplication);
      if (application) applications.set(application.id, application);
    }
    return { applications, items };
  }

  async documents(ctx: TenantContext, id: string): Promise<ApplicationDocument[]> {
    const documents: ApplicationDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, appPk(ctx, id), { beginsWith: 'DOC#', cursor });
      documents.push(...page.items.map(toDocument));
      cursor = page.next;
    } while (cursor);
    return documents;
  }

  history(ctx: TenantContext, id: string): Promise<HistoryEvent[]> {
    return this.cases.history(ctx, id);
  }

  /** The organization's own live applications in one program. */
  async orgApplications(
    ctx: TenantContext,
    uscc: string,
    programId: string,
  ): Promise<OrgApplication[]> {
    const { items } = await this.table.query<{ pk: string; sk: string } & OrgApplication>(
      ctx,
      orgPk(ctx, uscc),
      { beginsWith: `APP#${programId}#` },
    );
    return items.map(({ id, programId: p, status, track }) => ({
      id,
      programId: p,
      status,
      ...(track && { track }),
    }));
  }

  /** Submitted applications in a program of every organization declaring this root entity. */
  async familyApplications(
    ctx: TenantContext,
    rootUscc: string,
    programId: string,
  ): Promise<FamilyApplication[]> {
    const { items } = await this.table.query<{ pk: string; sk: string } & FamilyApplication>(
      ctx,
      familyPk(ctx, rootUscc),
      { beginsWith: `APP#${programId}#` },
    );
    return items.map(({ pk: _pk, sk: _sk, ...rest }) => rest);
  }

  /** A program's applications, optionally of one status (and stage), optionally of one region. */
  async list(
    ctx: TenantContext,
    query: {
      programId: string;
      status?: string | undefined;
      stage?: string | undefined;
      region?: string | undefined;
    },
    page: { cursor?: string | undefined; limit?: number | undefined } = {},
  ): Promise<Page<Application>> {
    const prefix = query.status
      ? `${query.status}#${query.stage ? `${query.stage}#` : ''}`
      : undefined;
    const result = await this.table.queryIndex(
      ctx,
      'byListing',
      tenantKey(ctx, 'APPS', query.programId),
      {
        ...(prefix && { beginsWith: prefix }),
        ...(query.region && { where: { attribute: 'region', equals: query.region } }),
        limit: page.limit ?? 50,
        cursor: page.cursor,
      },
    );
    return { ...result, items: result.items.map(toApplication) };
  }

  /** Counters of every program of the tenant: `{ programId: { status: n } }`. */
  async counters(ctx: TenantContext): Promise<Record<string, Record<string, number>>> {
    return (await this.allCounters(ctx)).byProgram;
  }

  /** Counters by program and category: `{ programId: { category: { status: n } } }` (`-`: none). */
  async categoryCounters(
    ctx: TenantContext,
  ): Promise<Record<string, Record<string, Record<string, number>>>> {
    return (await this.allCounters(ctx)).byCategory;
  }

  /**
   * Both kinds of counters from one query of the tenant's counters partition (the
   * province's statistics read every tenant's: one query each, not one per kind).
   */
  async allCounters(ctx: TenantContext): Promise<CountersByKind> {
    return countersByKind(await this.cases.counters(ctx, ''));
  }

  /** Creates the application with its first history event; refuses a taken claim. */
  async create(
    ctx: TenantContext,
    app: Application,
    event: HistoryEvent,
    extras: ChangeExtras = {},
  ): Promise<void> {
    await this.cases.create(ctx, app, event, {
      ops: extraOps(ctx, app, extras),
      decoration: { flags: extras.flags ?? [] },
    });
  }

  /**
   * Writes a new version of the application if the stored one is still `previous`, with
   * its history event, counters and extras.
   */
  async update(
    ctx: TenantContext,
    previous: Application,
    next: Application,
    event: HistoryEvent,
    extras: ChangeExtras = {},
  ): Promise<void> {
    await this.table.transact(ctx, this.updateOps(ctx, previous, next, event, extras));
  }

  /** The operations of `update`, for a transaction that records more besides. */
  updateOps(
    ctx: TenantContext,
    previous: Application,
    next: Application,
    event: HistoryEvent,
    extras: ChangeExtras = {},
  ): TransactOp[] {
    return this.cases.updateOps(ctx, previous, next, event, {
      ops: extraOps(ctx, next, extras),
      decoration: { flags: extras.flags ?? [] },
    });
  }

  /**
   * Writes many applications' changes, each whole or not at all, in as few transactions
   * as hold them (`writePacked`): a change refused because its application moved on is
   * left out, the rest written. Each group's operations come from `updateOps`.
   */
  updateMany<G extends ChangeGroup>(
    ctx: TenantContext,
    groups: readonly G[],
    retry: ConflictRetry,
  ): Promise<PackedOutcome<G>> {
    return writePacked(this.table, ctx, groups, retry);
  }

  /** The stored answer of an idempotent request, with the version it produced. */
  async idempotentResponse(ctx: TenantContext, key: string): Promise<StoredAnswer | undefined> {
    const { pk, sk } = idempotencyRecordKey(ctx, key);
    const item = await this.table.get(ctx, pk, sk);
    return item && toStoredAnswer(item);
  }
}
