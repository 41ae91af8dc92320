/**
 * The tables officials download (issue 11 §6): the initial-review recommendation
 * summary (seed 002 附件5, 初审推荐汇总表) of one district or of the whole city, and the
 * applications table. Each is a plain table (title, columns, rows of the names people
 * know, times in Beijing time); the API writes it as Excel or CSV.
 *
 * Who may read: the city's administrator (the city, or one district of it), the
 * province's administrator (a city of its province), and a district reviewer only its
 * own district, whatever district it asks for.
 */
import {
  type Application,
  type ApplicationStatus,
  formatShanghai,
  type LocalizedText,
  type Program,
  type ResolvedTenant,
  statusName,
} from '@sme/core';
import { tenantContext } from '@sme/store';
import { assertRole, assertTenantAccess, hasRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import type { Services } from '../applications/services.js';
import { ForbiddenError, InvalidRequestError, NotFoundError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';

export interface ExportColumn {
  header: string;
  /** Width in characters, as a spreadsheet measures it. */
  width: number;
}

/** A table to download: what a sheet shows, in the order it shows it. */
export interface ExportTable {
  /** The file's name without extension (Chinese, as people save it). */
  name: string;
  /** The sheet's title row, above the header (the attachment's title). */
  title?: string;
  /** A line under the title: who fills it in, for which call. */
  subtitle?: string;
  columns: ExportColumn[];
  rows: (string | number)[][];
}

export interface RecommendationQuery {
  programId: string;
  /** One district; absent: the whole city (a district reviewer always gets its own). */
  region?: string | undefined;
}

export interface ApplicationsQuery {
  programId?: string | undefined;
  status?: ApplicationStatus | undefined;
}

/** Statuses an application passed by the district review can be in afterwards. */
const AFTER_DISTRICT: readonly ApplicationStatus[] = [
  'in_review',
  'publicity',
  'listed',
  'rejected',
];
/** Outcomes of a decision at a stage, by the status it led to. */
const NOT_PASSED: readonly string[] = ['returned', 'rejected', 'withdrawn'];

const dateOf = (iso: string | undefined) => (iso ? formatShanghai(new Date(iso)).slice(0, 10) : '');
const minuteOf = (iso: string | undefined) => {
  if (!iso) return '';
  const local = formatShanghai(new Date(iso));
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};

function names(tenant: ResolvedTenant, program: Program) {
  const of = (items: readonly { id: string; name: LocalizedText }[]) =>
    new Map(items.map((i) => [i.id, i.name.zh]));
  const categories = of([
    ...tenant.catalogue.categories,
    ...tenant.catalogue.categories.flatMap((c) => c.children),
  ]);
  return {
    region: (id: string) => of(tenant.regions).get(id) ?? id,
    track: (id: string | undefined) => (id ? (of(program.tracks).get(id) ?? id) : ''),
    category: (id: string | undefined) => (id ? (categories.get(id) ?? id) : ''),
    industries: (ids: readonly string[]) =>
      ids.map((id) => of(tenant.catalogue.industries).get(id) ?? id).join('、'),
    stage: (id: string | undefined) =>
      id ? (program.stages.find((s) => s.id === id)?.name.zh ?? id) : '',
  };
}

/** The stage at which districts review and recommend (scope `region`). */
function districtStage(program: Program) {
  const stage = program.stages.find((s) => s.kind === 'manual' && s.scope === 'region');
  if (stage?.kind !== 'manual') {
    throw new NotFoundError('no_district_review', {
      zh: '该申报项目的区市初审',
      en: 'A district initial review of this program',
    });
  }
  return stage;
}

export class ExportQueries {
  constructor(private readonly services: Pick<Services, 'apps'>) {}

  /**
   * Staff of the tenant who may download, and the district they download: the one asked
   * for (none: the whole city), a district reviewer's own whatever it asks.
   */
  scope(tenant: ResolvedTenant, claims: Claims, region: string | undefined) {
    assertTenantAccess(claims, tenant);
    assertRole(claims, 'city_admin', 'district_reviewer', 'province_admin');
    if (region !== undefined && !tenant.regions.some((r) => r.id === region)) {
      throw new InvalidRequestError(
        'unknown_region',
        { zh: `未知的区市：${region}`, en: `Unknown district ${region}` },
        'region',
      );
    }
    if (hasRole(claims, 'city_admin', 'province_admin')) return region;
    const own = claims.region;
    if (!own || (region !== undefined && region !== own)) {
      throw new ForbiddenError({
        zh: '区市审核人员只能导出本区市的申报',
        en: 'A district reviewer exports only its own district',
      });
    }
    return own;
  }

  /** Every application of a program (of one district), every page. */
  private async all(tenant: ResolvedTenant, programId: string, region?: string, status?: string) {
    const ctx = tenantContext(tenant);
    const apps: Application[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.services.apps.list(
        ctx,
        { programId, status, region },
        { cursor, limit: 200 },
      );
      apps.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return apps;
  }

  /**
   * 初审推荐汇总表: one row per application the district review passed (its last
   * decision there was a pass, and it has not been withdrawn since), by district then
   * name, with the reviewer's opinion and the day it was recommended.
   */
  async recommendations(
    tenant: ResolvedTenant,
    claims: Claims,
    query: RecommendationQuery,
  ): Promise<ExportTable> {
    const program = programOf(tenant, query.programId);
    const region = this.scope(tenant, claims, query.region);
    const stage = districtStage(program);
    const name = names(tenant, program);
    const ctx = tenantContext(tenant);
    const candidates = (await this.all(tenant, program.id, region)).filter((a) =>
      AFTER_DISTRICT.includes(a.status),
    );
    const passed = await Promise.all(
      candidates.map(async (app) => {
        const history = await this.services.apps.history(ctx, app.id);
        // The decision of a person at the stage (the workflow only enters it).
        const decision = history.findLast(
          (e) => e.stage === stage.id && e.role !== 'system' && e.from === 'in_review',
        );
        return decision && !NOT_PASSED.includes(decision.to) ? { app, decision } : undefined;
      }),
    );
    const order = new Map(tenant.regions.map((r, i) => [r.id, i]));
    const rows = passed
      .filter((p) => p !== undefined)
      .sort(
        (a, b) =>
          (order.get(a.app.org.region) ?? 0) - (order.get(b.app.org.region) ?? 0) ||
          a.app.org.name.localeCompare(b.app.org.name, 'zh') ||
          (a.app.track ?? '').localeCompare(b.app.track ?? ''),
      )
      .map(({ app, decision }, i) => [
        i + 1,
        name.region(app.org.region),
        app.org.name,
        app.org.uscc,
        name.track(app.track) || name.category(app.category),
        name.industries(app.industries),
        decision.reason?.trim() || '推荐',
        dateOf(decision.at),
        '',
      ]);
    const title = stage.summaryTable?.title.zh ?? `${program.title.zh}初审推荐汇总表`;
    const where = region ? name.region(region) : `${tenant.name.zh}（全市）`;
    return {
      name: `${title}（${where}）`,
      title,
      subtitle: `填报单位：${where}　　申报项目：${program.title.zh}　　共 ${rows.length} 家`,
      columns: [
        { header: '序号', width: 6 },
        { header: '所属区市', width: 14 },
        { header: '服务商名称', width: 36 },
        { header: '统一社会信用代码', width: 22 },
        { header: '申报类型', width: 26 },
        { header: '细分行业方向', width: 30 },
        { header: '初审意见', width: 24 },
        { header: '推荐日期', width: 12 },
        { header: '备注', width: 16 },
      ],
      rows,
    };
  }

  /** The applications table: every application of the scope (not drafts), filterable. */
  async applications(
    tenant: ResolvedTenant,
    claims: Claims,
    query: ApplicationsQuery,
  ): Promise<ExportTable> {
    const region = this.scope(tenant, claims, undefined);
    const programs = query.programId ? [programOf(tenant, query.programId)] : tenant.programs;
    const rows: (string | number)[][] = [];
    for (const program of programs) {
      const name = names(tenant, program);
      const apps = (await this.all(tenant, program.id, region, query.status))
        // A draft is the applicant's own until submitted.
        .filter((a) => a.status !== 'draft')
        .sort(
          (a, b) =>
            (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') ||
            a.org.name.localeCompare(b.org.name, 'zh'),
        );
      for (const app of apps) {
        rows.push([
          rows.length + 1,
          app.org.name,
          app.org.uscc,
          name.region(app.org.region),
          program.title.zh,
          name.track(app.track),
          name.category(app.category),
          name.industries(app.industries),
          statusName(app.status).zh,
          name.stage(app.stage),
          minuteOf(app.submittedAt),
          minuteOf(app.updatedAt),
          app.id,
        ]);
      }
    }
    const scope = region ? name0(tenant, region) : tenant.name.zh;
    const status = query.status ? `（${statusName(query.status).zh}）` : '';
    return {
      name: `申报汇总表（${scope}）${status}`,
      columns: [
        { header: '序号', width: 6 },
        { header: '单位名称', width: 36 },
        { header: '统一社会信用代码', width: 22 },
        { header: '所属区市', width: 14 },
        { header: '申报项目', width: 40 },
        { header: '申报类型', width: 26 },
        { header: '服务商类别', width: 20 },
        { header: '服务行业', width: 30 },
        { header: '状态', width: 12 },
        { header: '所处阶段', width: 22 },
        { header: '提交时间（北京时间）', width: 20 },
        { header: '最近更新（北京时间）', width: 20 },
        { header: '申报编号', width: 38 },
      ],
      rows,
    };
  }
}

const name0 = (tenant: ResolvedTenant, region: string) =>
  tenant.regions.find((r) => r.id === region)?.name.zh ?? region;
