/**
 * Expert panels: who is assigned to an application's panel stage and what each scored.
 * A score is written once (locked when submitted); a conflict is recorded instead of a
 * score and excludes the expert.
 */
import { appPk } from '../applications/application-items.js';
import type { TenantContext } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
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

export interface PanelAssignment {
  applicationId: string;
  stage: string;
  expertIds: string[];
  assignedBy: string;
  at: string;
  /** How the panel was drawn: by hand, or at random with the seed's hash and the seed. */
  draw?: { seedHash: string; seed?: string };
}

export class PanelRepository {
  constructor(private readonly table: TenantTable) {}

  /** Records the panel with a scoring task for each expert, in one transaction. */
  async assign(
    ctx: TenantContext,
    assignment: PanelAssignment,
    expertTasks: ReviewTask[],
  ): Promise<void> {
    await this.table.transact(ctx, [
      {
        put: {
          pk: appPk(ctx, assignment.applicationId),
          sk: `PANEL#${assignment.stage}`,
          ...assignment,
        },
      },
      ...expertTasks.map((task) => ({ put: taskItem(ctx, task) })),
    ]);
  }

  async assignment(
    ctx: TenantContext,
    applicationId: string,
    stage: string,
  ): Promise<PanelAssignment | undefined> {
    const item = await this.table.get(ctx, appPk(ctx, applicationId), `PANEL#${stage}`);
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...assignment } = item;
    return assignment as unknown as PanelAssignment;
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
   * Records a score and closes the expert's task; a second score from the same expert is
   * refused (a score locks when submitted).
   */
  async score(ctx: TenantContext, score: PanelScore, expertTask: ReviewTask): Promise<void> {
    await this.table.transact(ctx, [
      {
        put: {
          pk: appPk(ctx, score.applicationId),
          sk: `SCORE#${score.stage}#${score.expertId}`,
          ...score,
        },
        condition: 'attribute_not_exists(pk)',
      },
      {
        put: taskItem(ctx, {
          ...expertTask,
          state: 'done',
          decidedAt: score.at,
          outcome: score.conflict ? 'conflict' : 'scored',
        }),
      },
    ]);
  }

  async scores(ctx: TenantContext, applicationId: string, stage: string): Promise<PanelScore[]> {
    const { items } = await this.table.query(ctx, appPk(ctx, applicationId), {
      beginsWith: `SCORE#${stage}#`,
    });
    return items.map(({ pk: _pk, sk: _sk, ...score }) => score as unknown as PanelScore);
  }
}
