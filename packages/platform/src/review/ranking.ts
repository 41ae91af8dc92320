/**
 * The ranking a panel's convenor decides by (seed 002 §一: 3–6 integration, 10–20
 * product, 1–3 chain-leader providers per industry): applications at a panel stage by
 * average score within each group (track × industry), within the track's quota or on
 * the waiting list past it; a wide spread between experts' totals is flagged.
 */
import { type ResolvedTenant, StaleStageError } from '@sme/core';
import { tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import type { Services } from '../applications/services.js';
import { ForbiddenError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';

/** Totals further apart than this share of the maximum are flagged for the convenor. */
export const SPREAD_FLAG_SHARE = 0.2;

export type Standing = 'within-quota' | 'waiting-list' | 'incomplete';

function standingOf(
  average: number | undefined,
  index: number,
  quota: { max: number } | undefined,
): Standing {
  if (average === undefined) return 'incomplete';
  return !quota || index < quota.max ? 'within-quota' : 'waiting-list';
}

export class RankingQueries {
  constructor(private readonly services: Services) {}

  ranking(tenant: ResolvedTenant, claims: Claims, programId: string, stageId: string) {
    return panelRanking(this.services, tenant, claims, programId, stageId);
  }
}

async function panelRanking(
  services: Services,
  tenant: ResolvedTenant,
  claims: Claims,
  programId: string,
  stageId: string,
) {
  const program = programOf(tenant, programId);
  const stage = program.stages.find((s) => s.id === stageId);
  if (stage?.kind !== 'panel') throw new StaleStageError(stageId, undefined);
  const home = stage.scope === 'province' ? (tenant.parent ?? tenant.id) : tenant.id;
  if (claims.tenant !== home || !claims.roles.includes(stage.role)) {
    throw new ForbiddenError({
      zh: '仅评审组织方可查看排名',
      en: 'Only the panel’s convenor sees the ranking',
    });
  }
  const ctx = tenantContext(tenant);
  const maxTotal = stage.criteria.reduce((sum, c) => sum + c.max, 0);
  const rows = [];
  let cursor: string | undefined;
  do {
    const page = await services.apps.list(
      ctx,
      { programId, status: 'in_review', stage: stage.id },
      { cursor, limit: 100 },
    );
    for (const app of page.items) {
      const counted = (await services.panels.scores(ctx, app.id, stage.id)).filter(
        (s) => !s.conflict,
      );
      const totals = counted.map((s) => s.total);
      const complete = counted.length >= stage.minExperts;
      const spread = totals.length > 0 ? Math.max(...totals) - Math.min(...totals) : 0;
      rows.push({
        app,
        average: complete ? totals.reduce((a, b) => a + b, 0) / totals.length : undefined,
        scored: counted.length,
        spread,
        spreadFlag: spread > SPREAD_FLAG_SHARE * maxTotal,
      });
    }
    cursor = page.next;
  } while (cursor);

  const byTrack =
    stage.decision.kind === 'quota-ranking' && stage.decision.groupBy.includes('track');
  const byIndustry =
    stage.decision.kind === 'quota-ranking' && stage.decision.groupBy.includes('industry');
  const groups = new Map<string, { track?: string; industry?: string; rows: typeof rows }>();
  for (const row of rows) {
    for (const industry of byIndustry && row.app.industries.length > 0
      ? row.app.industries
      : [undefined]) {
      const track = byTrack ? row.app.track : undefined;
      const key = `${track ?? '-'}|${industry ?? '-'}`;
      const group = groups.get(key) ?? {
        ...(track && { track }),
        ...(industry && { industry }),
        rows: [],
      };
      group.rows.push(row);
      groups.set(key, group);
    }
  }
  return {
    stage: stage.id,
    maxTotal,
    groups: [...groups.values()].map((group) => {
      const quota = program.tracks.find((t) => t.id === group.track)?.quota?.range;
      const ranked = [...group.rows].sort((a, b) => (b.average ?? -1) - (a.average ?? -1));
      return {
        ...(group.track && { track: group.track }),
        ...(group.industry && { industry: group.industry }),
        ...(quota && { quota }),
        entries: ranked.map((row, index) => ({
          applicationId: row.app.id,
          orgName: row.app.org.name,
          ...(row.average !== undefined && { average: Math.round(row.average * 10) / 10 }),
          scored: row.scored,
          spread: row.spread,
          spreadFlag: row.spreadFlag,
          position: index + 1,
          standing: standingOf(row.average, index, quota),
        })),
      };
    }),
  };
}
