/**
 * Every kind of review stage, run the same way (as hono's `common.case.test.ts` runs
 * every router): a program of that one stage and publication, compiled, run by the
 * local executor on DynamoDB Local through the platform's stage handler, and, where the
 * kind waits for people, settled with a pass. A kind added to `STAGE_KINDS` is run here
 * without a line of this file changing.
 */
import {
  GENESIS_HASH,
  kindOf,
  parseInstant,
  type ResolvedTenant,
  recordChange,
  STAGE_KINDS,
  type Stage,
  VirtualClock,
} from '@sme/core';
import { createTestStore } from '@sme/store/testing';
import { compileProgram, outcomesOf } from '@sme/workflow';
import { LocalReviewEngine } from '@sme/workflow/local';
import { describe, expect, inject, it } from 'vitest';
import { createPlatform } from '../create-platform.js';
import { settleStage } from './settle-stage.js';

const qingdao = inject('tenants').find((t: ResolvedTenant) => t.id === 'qingdao')!;
const template = qingdao.programs[0]!;
const publish = template.stages.find((s) => s.kind === 'publish')!;

/** A stage of each kind as some tenant configures it; screening checks bans only here. */
function stageOfKind(kind: Stage['kind']): Stage {
  const found = inject('tenants')
    .flatMap((t: ResolvedTenant) => t.programs.flatMap((p) => p.stages))
    .find((s: Stage) => s.kind === kind);
  if (!found) throw new Error(`no tenant configures a ${kind} stage`);
  return found.kind === 'screening' ? { ...found, checks: ['bans'] } : found;
}

async function platformFor(stage: Stage) {
  const program = {
    ...template,
    id: `case-${stage.kind}`,
    stages: stage.kind === 'publish' ? [stage] : [stage, publish],
  };
  const tenant: ResolvedTenant = { ...qingdao, programs: [program] };
  const store = await createTestStore();
  const clock = new VirtualClock(parseInstant('2024-01-20T09:00:00+08:00'));
  const platform = createPlatform({
    tenants: [tenant],
    table: store.table,
    documents: store.documents,
    clock,
    engine: (parts) => new LocalReviewEngine(parts),
  });
  return { platform, program, clock };
}

/** A submitted application handed to review, written straight through the repository. */
type CasePlatform = Awaited<ReturnType<typeof platformFor>>['platform'];

async function submitted(platform: CasePlatform, programId: string) {
  const ctx = { tenant: 'qingdao', province: 'shandong' };
  const at = '2024-01-20T01:00:00.000Z';
  const actor = { sub: 'provider:case', role: 'provider' };
  const draft = recordChange({
    previous: null,
    documents: [],
    actor,
    at: new Date(at),
    next: {
      id: `app-${programId}`,
      tenant: 'qingdao',
      programId,
      org: { uscc: '91350100M000100Y43', name: '用例公司', region: 'laoshan' },
      entityUscc: '91350100M000100Y43',
      track: 'product',
      industries: ['auto-parts'],
      fields: {},
      status: 'draft',
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
  });
  const { apps } = platform.repositories;
  await apps.create(ctx, draft.application, draft.event);
  const next = recordChange({
    previous: draft.application,
    actor,
    at: new Date(at),
    next: { ...draft.application, status: 'submitted', version: 2, submittedAt: at },
  });
  await apps.update(ctx, draft.application, next.application, next.event, { handoff: true });
  return { ctx, id: next.application.id };
}

describe.each(Object.keys(STAGE_KINDS) as Stage['kind'][])('the %s stage kind', (kindName) => {
  it('compiles, runs on the local executor, and reaches the pool once passed', async () => {
    const stage = stageOfKind(kindName);
    const kind = kindOf(stage);
    const { platform, program, clock } = await platformFor(stage);
    const definition = compileProgram('qingdao', program);
    expect(Object.keys(definition.States)).toContain(`Stage_${stage.id}`);
    expect(outcomesOf(stage)).toContain('pass');

    const { ctx, id } = await submitted(platform, program.id);
    await platform.engine.pickUp();
    await platform.engine.settled();
    const { apps, tasks } = platform.repositories;

    if (kind.waits) {
      const task = await tasks.openAt(ctx, id, stage.id);
      const laoshan = qingdao.regions.find((r) => r.id === 'laoshan');
      const actor = kind.actor(stage, laoshan, { org: { uscc: '', name: '', region: 'laoshan' } });
      expect(task).toMatchObject({ kind: stage.kind, state: 'open', ...actor });
      let app = (await apps.get(ctx, id))!.application;
      expect(app).toMatchObject({ status: 'in_review', stage: stage.id });
      if (app.status !== kind.awaited) {
        // What the kind's own step does first (a notice, for publicity).
        const moved = recordChange({
          previous: app,
          actor: { sub: 'case', role: 'system' },
          at: clock.now(),
          stage: stage.id,
          reason: 'case',
          next: { ...app, status: kind.awaited, version: app.version + 1 },
        });
        await apps.update(ctx, app, moved.application, moved.event);
        app = moved.application;
      }
      const settled = await settleStage(
        { apps, clock, releaser: platform.engine },
        ctx,
        app,
        task!,
        { outcome: 'pass', reason: 'case', actor: { sub: 'case', role: 'system' } },
      );
      expect(settled?.status).toBe(kind.passed);
      await platform.engine.settled();
    }

    const final = (await apps.get(ctx, id))!.application;
    expect(final.status).toBe('listed');
    const history = await apps.history(ctx, id);
    expect(history[0]?.prevHash).toBe(GENESIS_HASH);
    expect(history.at(-1)).toMatchObject({ to: 'listed', hash: final.historyHead });
  });
});
