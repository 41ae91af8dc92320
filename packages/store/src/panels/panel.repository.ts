/**
 * Expert panels: who is assigned to an application's panel stage and what each scored.
 * A score is written once (locked when submitted); a conflict is recorded instead of a
 * score and excludes the expert from every panel of the application. The assignment
 * carries a version and the number of scores in: a change of the panel is written only
 * against the version it was decided on, so a score landing meanwhile is never missed.
 */
import { applicationTouched, appPk } from '../applications/application-items.js';
import type { TenantContext } from '../table/keys.js';
import { foundIn, type ItemKey, type TableItem, type TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import { type ReviewTask, taskItem } from '../tasks/task.repository.js';

export interface PanelScore {
  applicationId: string;
  stage: string;
  expertId: string;
  /** Criterion id → points; empty when the expert declared a conflict. */
  scores: Record<string, number>;
  total: number;
  conflict: boolean;
  comment?: string;
  at: string;
}

/** A change of a panel once scoring had begun: who, when, why, and what changed. */
export interface PanelChange {
  by: string;
  at: string;
  reason: string;
  added: string[];
}

export interface PanelAssignment {
  applicationId: string;
  stage: string;
  expertIds: string[];
  assignedBy: string;
  at: string;
  /** How the panel was drawn: by hand, or at random with the seed's hash and the seed. */
  draw?: { seedHash: string; seed?: string };
  /** Written with every change of the panel and every score. */
  version: number;
  /** Scores and conflict declarations in so far: the panel is fixed once one is. */
  scored: number;
  changes?: PanelChange[];
}

const panelSk = (stage: string) => `PANEL#${stage}`;

const scoreKey = (ctx: TenantContext, score: PanelScore): ItemKey => ({
  pk: appPk(ctx, score.applicationId),
  sk: `SCORE#${score.stage}#${score.expertId}`,
});

function toAssignment({ pk: _pk, sk: _sk, ...stored }: TableItem): PanelAssignment {
  const assignment = stored as unknown as PanelAssignment;
  return { ...assignment, version: assignment.version ?? 0, scored: assignment.scored ?? 0 };
}

export class PanelRepository {
  constructor(private readonly table: TenantTable) {}

  /**
   * The write of an assignment, refused unless the stored one is still at
   * `expectedVersion` (absent for a first assignment).
   */
  assignmentOp(
    ctx: TenantContext,
    assignment: PanelAssignment,
    expectedVersion: number | undefined,
  ): TransactOp {
    return {
      put: {
        pk: appPk(ctx, assignment.applicationId),
        sk: panelSk(assignment.stage),
        ...assignment,
      },
      ...(expectedVersion === undefined
        ? { condition: 'attribute_not_exists(pk)' }
        : { condition: 'version = :expected', values: { ':expected': expectedVersion } }),
    };
  }

  /**
   * Records the panel with a scoring task for each expert added, in one transaction,
   * while the application is still at the version the panel was decided on (a
   * withdrawal meanwhile refuses it: no task is left on a withdrawn application).
   */
  async assign(
    ctx: TenantContext,
    assignment: PanelAssignment,
    expectedVersion: number | undefined,
    expertTasks: ReviewTask[],
    application: { version: number },
  ): Promise<void> {
    await this.table.transact(ctx, [
      this.assignmentOp(ctx, assignment, expectedVersion),
      applicationTouched(ctx, assignment.applicationId, { version: application.version }),
      ...expertTasks.map((task) => ({ put: taskItem(ctx, task) })),
    ]);
  }

  async assignment(
    ctx: TenantContext,
    applicationId: string,
    stage: string,
  ): Promise<PanelAssignment | undefined> {
    const item = await this.table.get(ctx, appPk(ctx, applicationId), panelSk(stage));
    return item && toAssignment(item);
  }

  /** The key of a panel's assignment, to read it in a batch (`assignmentIn`). */
  assignmentKey(ctx: TenantContext, applicationId: string, stage: string): ItemKey {
    return { pk: appPk(ctx, applicationId), sk: panelSk(stage) };
  }

  /** The panel's assignment among items a batch read found. */
  assignmentIn(
    ctx: TenantContext,
    applicationId: string,
    stage: string,
    items: ReadonlyMap<string, TableItem>,
  ): PanelAssignment | undefined {
    return foundIn(items, this.assignmentKey(ctx, applicationId, stage), toAssignment);
  }

  /** Commits to a random draw before it is made: the seed's hash, kept with the application. */
  async commitDraw(
    ctx: TenantContext,
    commitment: { applicationId: string; stage: string; seedHash: string; by: string; at: string },
  ): Promise<void> {
    await this.table.put(
      ctx,
      {
        pk: appPk(ctx, commitment.applicationId),
        sk: `DRAW#${commitment.stage}#${commitment.seedHash}`,
        ...commitment,
      },
      { ifAbsent: true },
    );
  }

  /** The draw commitments of a panel stage (the seed hashes recorded before each draw). */
  async drawCommitments(
    ctx: TenantContext,
    applicationId: string,
    stage: string,
  ): Promise<{ seedHash: string; at: string }[]> {
    const { items } = await this.table.query(ctx, appPk(ctx, applicationId), {
      beginsWith: `DRAW#${stage}#`,
    });
    return items.map((i) => ({ seedHash: String(i.seedHash), at: String(i.at) }));
  }

  /**
   * Records a score and closes the expert's task. Refused (TransactionRefusedError) when
   * the expert already scored (a score locks when submitted), the task is no longer
   * open (the panel was decided, the application withdrawn), the expert is no longer
   * on the panel, or the panel moved past `panelVersion` (another answer or a change of
   * the panel landed since it was read): read again to tell which. `also` joins the
   * same transaction: the conclusion of the panel by the answer that completes it
   * (marked ready, or decided by its pass mark).
   */
  async score(
    ctx: TenantContext,
    score: PanelScore,
    expertTask: ReviewTask,
    panelVersion: number,
    also: readonly TransactOp[] = [],
  ): Promise<void> {
    await this.table.transact(ctx, [
      {
        put: { ...scoreKey(ctx, score), ...score },
        condition: 'attribute_not_exists(pk)',
      },
      {
        put: taskItem(ctx, {
          ...expertTask,
          state: 'done',
          decidedAt: score.at,
          outcome: score.conflict ? 'conflict' : 'scored',
        }),
        condition: '#state = :open',
        names: { '#state': 'state' },
        values: { ':open': 'open' },
      },
      {
        update: { pk: appPk(ctx, score.applicationId), sk: panelSk(score.stage) },
        expression: 'ADD version :one, scored :one',
        condition: 'contains(expertIds, :expert) AND version = :version',
        values: { ':one': 1, ':expert': score.expertId, ':version': panelVersion },
      },
      ...also,
    ]);
  }

  async scores(ctx: TenantContext, applicationId: string, stage: string): Promise<PanelScore[]> {
    return this.scoresWithPrefix(ctx, applicationId, `SCORE#${stage}#`);
  }

  /** Every answer at every panel of the application: scores and declared conflicts. */
  answers(ctx: TenantContext, applicationId: string): Promise<PanelScore[]> {
    return this.scoresWithPrefix(ctx, applicationId, 'SCORE#');
  }

  /** Experts who declared a conflict at any panel of the application. */

  private async scoresWithPrefix(ctx: TenantContext, applicationId: string, prefix: string) {
    const scores: PanelScore[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, appPk(ctx, applicationId), {
        beginsWith: prefix,
        cursor,
      });
      scores.push(
        ...page.items.map(({ pk: _pk, sk: _sk, ...score }) => score as unknown as PanelScore),
      );
      cursor = page.next;
    } while (cursor);
    return scores;
  }
}
