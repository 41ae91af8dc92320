/**
 * `/<t>/admin/applications`: the city admin's table of the tenant's applications with
 * filters (call, status, district, track) and search by name or USCC as a GET form (a
 * result is a link one can share), the "overdue across districts" view, numbered pages.
 * Each row links to the staff application page; each call links to its ranking (when
 * its panel ranks by quota) and its notices.
 */
import { APPLICATION_STATUSES, type Program, statusName } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { choicesOf, FilterForm, readFilters } from '../forms/filter-form.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';

const FILTERS = ['q', 'program', 'status', 'region', 'track'] as const;

/** The table's columns; on a phone each row is a card led by the organization. */
const COLUMNS = {
  org: { zh: '单位名称', en: 'Organization' },
  uscc: { zh: '统一社会信用代码', short: '信用代码', en: 'USCC' },
  track: { zh: '类别', en: 'Track' },
  industries: { zh: '服务行业', en: 'Industries' },
  region: { zh: '所在区市', en: 'District' },
  status: { zh: '状态', en: 'Status' },
  submitted: { zh: '提交时间（北京时间）', short: '提交时间', en: 'Submitted' },
  due: { zh: '办理期限（北京时间）', short: '办理期限', en: 'Due' },
} as const satisfies Record<string, Column>;

/** The statuses the table shows (drafts are the providers' own). */
const STATUSES = APPLICATION_STATUSES.filter((status) => status !== 'draft');

/** The panel stages of a call decided by a quota ranking: each has a ranking page. */
export const rankingStages = (program: Program) =>
  program.stages.filter((s) => s.kind === 'panel' && s.decision.kind === 'quota-ranking');

export async function applicationsPage(c: Context, platform: Platform) {
  const { tenant, claims } = member(c);
  const filter = readFilters(c, FILTERS);
  const overdue = c.req.query('view') === 'overdue';
  const program = tenant.programs.find((p) => p.id === filter.program);
  if (!program) delete filter.program;
  const result = await platform.applicationTable.table(tenant, claims, {
    programId: filter.program,
    status: filter.status,
    region: filter.region,
    track: filter.track,
    q: filter.q,
    overdue,
    page: Number.parseInt(c.req.query('page') ?? '1', 10) || 1,
  });
  const names = catalogueNames([tenant]);
  const base = `/${tenant.id}/admin/applications`;
  const link = (page: number) =>
    `${base}?${new URLSearchParams({ ...filter, ...(overdue && { view: 'overdue' }), page: String(page) })}`;
  const stageName = (programId: string, stageId: string | undefined) =>
    tenant.programs.find((p) => p.id === programId)?.stages.find((s) => s.id === stageId)?.name
      .zh ?? '';
  const heading = overdue
    ? { zh: '逾期未审核的申报', en: 'Overdue district reviews' }
    : { zh: '申报管理', en: 'Applications' };
  return renderPage(
    c,
    { title: heading.zh },
    <>
      <h1>
        {heading.zh} <span class="en">{heading.en}</span>
      </h1>
      <nav aria-label="视图 Views">
        <ul class="inline-links">
          <li>
            {overdue ? <a href={base}>全部申报 All applications</a> : <strong>全部申报 All</strong>}
          </li>
          <li>
            {overdue ? (
              <strong>各区市逾期初审 Overdue across districts</strong>
            ) : (
              <a href={`${base}?view=overdue`}>各区市逾期初审 Overdue across districts</a>
            )}
          </li>
        </ul>
      </nav>
      <FilterForm
        action={base}
        values={filter}
        hidden={overdue ? { view: 'overdue' } : {}}
        selects={[
          {
            key: 'program',
            options: tenant.programs.map((p) => ({ value: p.id, label: p.title.zh })),
          },
          {
            key: 'status',
            options: STATUSES.map((s) => ({ value: s, label: statusName(s).zh })),
          },
          {
            key: 'region',
            options: tenant.regions.map((r) => ({ value: r.id, label: r.name.zh })),
          },
          { key: 'track', options: choicesOf(names.tracks) },
        ]}
      />
      <p role="status">
        共 {result.total} 项{result.pages > 1 ? `，第 ${result.page}/${result.pages} 页` : ''}。
        <span class="en" lang="en">
          {' '}
          {result.total} applications.
        </span>
      </p>
      {result.rows.length > 0 && (
        <DataTable columns={Object.values(COLUMNS)}>
          {result.rows.map(({ app, dueAt, overdue: late }) => (
            <tr>
              <RowHead>
                <a href={`/${tenant.id}/review/applications/${app.id}`}>{app.org.name}</a>
              </RowHead>
              <Cell column={COLUMNS.uscc}>{app.org.uscc}</Cell>
              <Cell column={COLUMNS.track}>
                {nameOf(names.tracks, app.track) || nameOf(names.categories, app.category)}
              </Cell>
              <Cell column={COLUMNS.industries}>
                {app.industries.map((id) => nameOf(names.industries, id)).join('、')}
              </Cell>
              <Cell column={COLUMNS.region}>{nameOf(names.regions, app.org.region)}</Cell>
              <Cell column={COLUMNS.status}>
                {
                  statusName(
                    app.status,
                    tenant.programs.find((p) => p.id === app.programId),
                  ).zh
                }
                {app.stage && app.status === 'in_review' && (
                  <span class="muted">（{stageName(app.programId, app.stage)}）</span>
                )}
              </Cell>
              <Cell column={COLUMNS.submitted}>
                {app.submittedAt ? beijing(app.submittedAt) : ''}
              </Cell>
              <Cell column={COLUMNS.due}>
                {dueAt && beijing(dueAt)}
                {late && (
                  <>
                    {' '}
                    <span class="tag bad">已逾期 Overdue</span>
                  </>
                )}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
      {result.pages > 1 && (
        <nav class="pager" aria-label="分页 Pages">
          {result.page > 1 && <a href={link(result.page - 1)}>上一页 Previous</a>}
          <span>
            第 {result.page} / {result.pages} 页
          </span>
          {result.page < result.pages && <a href={link(result.page + 1)}>下一页 Next</a>}
        </nav>
      )}
      <h2>
        各申报项目 <span class="en">By call</span>
      </h2>
      <ul>
        {tenant.programs.map((p) => (
          <li>
            {p.title.zh}：
            {rankingStages(p).map((stage) => (
              <>
                <a href={`/${tenant.id}/admin/programs/${p.id}/ranking?stage=${stage.id}`}>
                  {stage.name.zh}排名 Ranking
                </a>
                {' · '}
              </>
            ))}
            {p.stages.some((s) => s.kind === 'publicity') && (
              <a href={`/${tenant.id}/admin/notices/new?program=${p.id}`}>
                发布公示 Publish notice
              </a>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${tenant.id}/admin/notices`}>公示管理及异议 Notices and objections</a>
      </p>
    </>,
  );
}
