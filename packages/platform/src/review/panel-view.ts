/**
 * What the convenor sees before assigning a panel: the application, its panel stage,
 * the panel as assigned so far (and whether scoring has fixed it), the expert pool, and
 * which experts a conflict keeps off this application.
 */
import type { ResolvedTenant } from '@sme/core';
import { tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import { readApplication, type Services } from '../applications/services.js';
import { InvalidRequestError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';
import { conflictsAmong } from './expert-conflicts.js';
import { type PanelStage, panelStageOf } from './panel-stage.js';
import { assertConvenor } from './ranking-decision.js';

export class PanelView {
  constructor(private readonly services: Services) {}

  /** The panel of `stageId`, or of the application's current (else first) panel stage. */
  async view(tenant: ResolvedTenant, claims: Claims, appId: string, stageId?: string) {
    const { application: app } = await readApplication(this.services, tenant, appId);
    const panels = programOf(tenant, app.programId).stages.filter(
      (s): s is PanelStage => s.kind === 'panel',
    );
    const chosen =
      stageId ?? panels.find((s) => s.id === app.stage)?.id ?? panels[0]?.id ?? undefined;
    if (!chosen)
      throw new InvalidRequestError(
        'not_a_panel',
        { zh: '该申报项目没有专家评审环节', en: 'This call has no panel stage' },
        'stage',
      );
    const stage = panelStageOf(tenant, app, chosen);
    assertConvenor(claims, tenant, stage);
    const ctx = tenantContext(tenant);
    const [assignment, pool, answers, task] = await Promise.all([
      this.services.panels.assignment(ctx, app.id, stage.id),
      this.services.experts.pool(ctx),
      this.services.panels.answers(ctx, app.id),
      app.status === 'in_review' && app.stage === stage.id
        ? this.services.tasks.openAt(ctx, app.id, stage.id)
        : undefined,
    ]);
    return {
      app,
      stage,
      assignment,
      pool,
      conflicted: [...conflictsAmong(app, pool, answers)],
      /** The panel can be assigned now: the application waits at this stage. */
      waiting: task?.kind === 'panel',
      fixed: (assignment?.scored ?? 0) > 0,
    };
  }
}
