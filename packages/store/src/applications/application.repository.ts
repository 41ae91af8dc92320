/**
 * Applications in the table. Every change of an application is one transaction: the
 * application with a version check, its history event, the counters, the
 * organization's record of its live applications, and whatever the change claims,
 * releases, opens or closes (see `ChangeExtras`).
 */
import { type Application, type ApplicationDocument, type HistoryEvent, isLive } from '@sme/core';
import type { TenantContext } from '../table/keys.js';
import { tenantKey } from '../table/keys.js';
import type { Page, TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import {
  applicationItem,
  appPk,
  claimSk,
  counterUpdate,
  familyItem,
  familyPk,
  historyItem,
  orgApplicationItem,
  orgPk,
  programAppSk,
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

/** Whether the application stands in its family's view: submitted once, not given up. */
const inFamily = (app: Application) => app.status !== 'draft' && isLive(app.status);

export class ApplicationRepository {
  constructor(private readonly table: TenantTable) {}

  /** The application (`META`, by key) and all its documents (by prefix, every page). */
  async get(ctx: TenantContext, id: string): Promise<ApplicationRecord | undefined> {
    const meta = await this.table.get(ctx, appPk(ctx, id), 'META');
    if (!meta) return undefined;
    return {
      application: toApplication(meta),
      documents: await this.documents(ctx, id),
      flags: (meta.flags as unknown[]) ?? [],
    };
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

  /** Which application holds each of the organization's claims (absent ones are left out). */
  async claimHolders(
    ctx: TenantContext,
    uscc: string,
    claims: readonly string[],
  ): Promise<string[]> {
    const items = await Promise.all(
      claims.map((claim) => this.table.get(ctx, orgPk(ctx, uscc), claimSk(claim))),
    );
    return items.flatMap((item) => (item ? [String(item.applicationId)] : []));
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
      { put: orgApplicationItem(ctx, app) },
      ...extraOps(ctx, app, extras),
    ]);
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
    const ops: TransactOp[] = [
      {
        put: applicationItem(ctx, next, extras.flags),
        // Nothing written beside it since it was read (see `applicationTouched`).
        condition:
          'version = :expected AND (attribute_not_exists(revision) OR revision = :revision)',
        values: { ':expected': previous.version, ':revision': previous.revision ?? 0 },
      },
      { put: historyItem(ctx, next.id, event), condition: 'attribute_not_exists(pk)' },
    ];
    if (previous.status !== next.status)
      ops.push(counterUpdate(ctx, next.programId, previous.status, next.status));
    ops.push(...this.listingOps(ctx, previous, next));
    ops.push(...extraOps(ctx, next, extras));
    await this.table.transact(ctx, ops);
  }

  /** Keeps the organization's and the family's records of the application in step. */
  private listingOps(ctx: TenantContext, previous: Application, next: Application): TransactOp[] {
    const ops: TransactOp[] = [];
    if (!isLive(next.status)) {
      ops.push({ delete: { pk: orgPk(ctx, next.org.uscc), sk: programAppSk(next) } });
    } else if (previous.status !== next.status || previous.track !== next.track) {
      ops.push({ put: orgApplicationItem(ctx, next) });
    }
    if (inFamily(next) && (!inFamily(previous) || previous.track !== next.track)) {
      ops.push({ put: familyItem(ctx, next) });
    } else if (inFamily(previous) && !inFamily(next)) {
      ops.push({ delete: { pk: familyPk(ctx, previous.entityUscc), sk: programAppSk(previous) } });
    }
    return ops;
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

  /** The stored answer of an idempotent request, with the version it produced. */
  async idempotentResponse(
    ctx: TenantContext,
    key: string,
  ): Promise<{ response: unknown; version: number } | undefined> {
    const item = await this.table.get(ctx, tenantKey(ctx, 'IDEM', key), 'IDEM');
    return item && { response: item.response, version: Number(item.version) };
  }

  /** Records that someone opened a document (a read is not a change, but is kept). */
  async recordRead(
    ctx: TenantContext,
    read: {
      applicationId: string;
      documentId: string;
      actor: string;
      role: string;
      at: string;
      id: string;
    },
  ): Promise<void> {
    await this.table.put(
      ctx,
      { pk: appPk(ctx, read.applicationId), sk: `READ#${read.at}#${read.id}`, ...read },
      { ifAbsent: true },
    );
  }

  /** Who opened the application's documents, oldest first. */
  async reads(
    ctx: TenantContext,
    applicationId: string,
  ): Promise<{ documentId: string; actor: string; role: string; at: string }[]> {
    const reads: { documentId: string; actor: string; role: string; at: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, appPk(ctx, applicationId), {
        beginsWith: 'READ#',
        cursor,
      });
      reads.push(
        ...page.items.map((i) => ({
          documentId: String(i.documentId),
          actor: String(i.actor),
          role: String(i.role),
          at: String(i.at),
        })),
      );
      cursor = page.next;
    } while (cursor);
    return reads;
  }
}
