/**
 * Applications in the table. Every change of an application is one transaction: the
 * application with a version check, its history event, the counters, and whatever the
 * change claims or releases (the entity's claim on a program track, an idempotency
 * record, the hand-off to review).
 */
import { type Application, type ApplicationDocument, type HistoryEvent, isLive } from '@sme/core';
import type { TenantContext } from '../table/keys.js';
import { tenantKey } from '../table/keys.js';
import type { Page, TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import {
  applicationItem,
  appPk,
  counterUpdate,
  documentItem,
  entityPk,
  historyItem,
  statsPk,
  toApplication,
  toDocument,
  toHistoryEvent,
} from './application-items.js';
import {
  type ChangeExtras,
  extraOps,
  type Handoff,
  handoffListKey,
  type PendingRelease,
  releaseListKey,
  releaseSk,
} from './change-extras.js';

/** A live application of an entity in a program (for duplicate and combination rules). */
export interface EntityApplication {
  id: string;
  programId: string;
  track?: string;
}

export interface ApplicationRecord {
  application: Application;
  documents: ApplicationDocument[];
  /** Guiding rules the application does not meet, for reviewers. */
  flags: unknown[];
}

export class ApplicationRepository {
  constructor(private readonly table: TenantTable) {}

  async get(ctx: TenantContext, id: string): Promise<ApplicationRecord | undefined> {
    const { items } = await this.table.query(ctx, appPk(ctx, id), { limit: 1000 });
    const meta = items.find((i) => i.sk === 'META');
    if (!meta) return undefined;
    return {
      application: toApplication(meta),
      documents: items.filter((i) => i.sk.startsWith('DOC#')).map(toDocument),
      flags: (meta.flags as unknown[]) ?? [],
    };
  }

  async history(ctx: TenantContext, id: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, appPk(ctx, id), { beginsWith: 'H#', cursor });
      events.push(...page.items.map(toHistoryEvent));
      cursor = page.next;
    } while (cursor);
    return events;
  }

  /** Live applications of one entity in one program. */
  async entityApplications(
    ctx: TenantContext,
    entityUscc: string,
    programId: string,
  ): Promise<EntityApplication[]> {
    const { items } = await this.table.query<{ pk: string; sk: string } & EntityApplication>(
      ctx,
      entityPk(ctx, entityUscc),
      { beginsWith: `APP#${programId}#` },
    );
    return items.map(({ id, programId: p, track }) => ({
      id,
      programId: p,
      ...(track && { track }),
    }));
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
    const { items } = await this.table.query(ctx, statsPk(ctx), { beginsWith: 'P#' });
    const result: Record<string, Record<string, number>> = {};
    for (const { pk: _pk, sk: _sk, programId, ...byStatus } of items) {
      result[String(programId)] = byStatus as Record<string, number>;
    }
    return result;
  }

  /** Creates the application with its first history event; refuses a taken claim. */
  async create(
    ctx: TenantContext,
    app: Application,
    event: HistoryEvent,
    extras: ChangeExtras = {},
  ): Promise<void> {
    await this.table.transact(ctx, [
      { put: applicationItem(ctx, app, extras.flags), condition: 'attribute_not_exists(pk)' },
      { put: historyItem(ctx, app.id, event), condition: 'attribute_not_exists(pk)' },
      counterUpdate(ctx, app.programId, null, app.status),
      {
        put: {
          pk: entityPk(ctx, app.entityUscc),
          sk: `APP#${app.programId}#${app.id}`,
          id: app.id,
          programId: app.programId,
          ...(app.track && { track: app.track }),
        },
      },
      ...extraOps(ctx, app, extras),
    ]);
  }

  /**
   * Writes a new version of the application if the stored one is still `expectedVersion`,
   * with its history event and counters.
   */
  async update(
    ctx: TenantContext,
    previous: Application,
    next: Application,
    event: HistoryEvent,
    extras: ChangeExtras = {},
  ): Promise<void> {
    const ops: TransactOp[] = [
      {
        put: applicationItem(ctx, next, extras.flags),
        condition: 'version = :expected',
        values: { ':expected': previous.version },
      },
      { put: historyItem(ctx, next.id, event), condition: 'attribute_not_exists(pk)' },
    ];
    if (previous.status !== next.status)
      ops.push(counterUpdate(ctx, next.programId, previous.status, next.status));
    if (!isLive(next.status)) {
      ops.push({
        delete: { pk: entityPk(ctx, next.entityUscc), sk: `APP#${next.programId}#${next.id}` },
      });
    } else if (previous.track !== next.track) {
      ops.push({
        put: {
          pk: entityPk(ctx, next.entityUscc),
          sk: `APP#${next.programId}#${next.id}`,
          id: next.id,
          programId: next.programId,
          ...(next.track && { track: next.track }),
        },
      });
    }
    ops.push(...extraOps(ctx, next, extras));
    await this.table.transact(ctx, ops);
  }

  /** Submissions not yet taken up by review, oldest first. */
  async pendingHandoffs(ctx: TenantContext, limit = 100): Promise<Handoff[]> {
    const { items } = await this.table.queryIndex(ctx, 'byListing', handoffListKey(ctx), { limit });
    return items.map(({ applicationId, programId, version }) => ({
      applicationId: String(applicationId),
      programId: String(programId),
      version: Number(version),
    }));
  }

  /** Marks a hand-off taken up: it leaves the pending listing. */
  async handoffStarted(ctx: TenantContext, handoff: Handoff, at: string): Promise<void> {
    await this.table.put(ctx, {
      pk: appPk(ctx, handoff.applicationId),
      sk: `HANDOFF#${String(handoff.version).padStart(8, '0')}`,
      ...handoff,
      state: 'started',
      startedAt: at,
    });
  }

  /** Decided tasks whose release is not confirmed yet, oldest first. */
  async pendingReleases(ctx: TenantContext, limit = 100): Promise<PendingRelease[]> {
    const { items } = await this.table.queryIndex(ctx, 'byListing', releaseListKey(ctx), { limit });
    return items.map(({ applicationId, taskId, token, outcome, at }) => ({
      applicationId: String(applicationId),
      taskId: String(taskId),
      token: String(token),
      outcome: String(outcome),
      at: String(at),
    }));
  }

  /** Marks a release sent: it leaves the pending listing. */
  async releaseSent(ctx: TenantContext, release: PendingRelease, at: string): Promise<void> {
    await this.table.put(ctx, {
      pk: appPk(ctx, release.applicationId),
      sk: releaseSk(release.taskId),
      ...release,
      state: 'sent',
      sentAt: at,
    });
  }

  async idempotentResponse(ctx: TenantContext, key: string): Promise<unknown | undefined> {
    const item = await this.table.get(ctx, tenantKey(ctx, 'IDEM', key), 'IDEM');
    return item?.response;
  }

  /** Records a document; `replace` overwrites the record of the same id (its verification). */
  async saveDocument(
    ctx: TenantContext,
    appId: string,
    doc: ApplicationDocument,
    replace = false,
  ): Promise<void> {
    await this.table.put(ctx, documentItem(ctx, appId, doc), { ifAbsent: !replace });
  }
}
