/**
 * `/<t>/admin/evaluations`: the years of the tenant's yearly evaluation (年度评价) with
 * their state and comment window, downloadable as CSV and Excel, and the form that
 * opens a year, offered to the bureau the tenant's rule names. A province's page also
 * links the cities whose evaluation its rule gives to the province (Jinan).
 */
import { DomainError, type Evaluation, formatDeadline, shanghaiDateOf } from '@sme/core';
import type { ExportTable, Platform } from '@sme/platform';
import type { Context } from 'hono';
import { CsrfField, TextField } from '../forms/fields.js';
import { csrfToken } from '../session/csrf.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { Downloads } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { Bi, beijing } from '../shell/text.js';
import type { SupervisionForm } from '../supervision/names.js';
import { citiesRunBy, evaluatingRole, runsEvaluation, staff } from './evaluation-access.js';
import { YEAR_STATUS } from './evaluation-text.js';

/** How many years back the page looks for an opened evaluation (the pools began 2023). */
const YEARS_SHOWN = 5;

export const YEAR_LABEL = { zh: '评价年度', en: 'Year' };

const COLUMNS = {
  year: { zh: '年度', en: 'Year' },
  status: { zh: '状态', en: 'Status' },
  members: { zh: '评价对象', en: 'Members', class: 'num' },
  until: { zh: '意见反馈截止（北京时间）', short: '意见反馈截止', en: 'Comments until' },
  published: { zh: '发布时间（北京时间）', short: '发布时间', en: 'Published' },
} as const satisfies Record<string, Column>;

/** The evaluations opened in the last years, newest first. */
export async function openedYears(
  platform: Platform,
  tenant: Parameters<Platform['supervision']['evaluations']['get']>[0],
): Promise<Evaluation[]> {
  const current = Number(shanghaiDateOf(platform.clock.now()).slice(0, 4));
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => current - i);
  const found = await Promise.all(
    years.map((year) =>
      platform.supervision.evaluations.get(tenant, year).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'evaluation_not_found') return undefined;
        throw error;
      }),
    ),
  );
  return found.filter((e): e is Evaluation => !!e);
}

export function yearsTable(tenantName: string, years: readonly Evaluation[], now: Date) {
  return {
    name: `${tenantName}年度评价（${shanghaiDateOf(now)}）`,
    title: `${tenantName}年度评价`,
    columns: [
      { header: '年度', width: 8 },
      { header: '状态', width: 10 },
      { header: '评价对象数', width: 12 },
      { header: '意见反馈截止（北京时间）', width: 22 },
      { header: '发布时间（北京时间）', width: 20 },
    ],
    rows: years.map((e) => [
      e.year,
      YEAR_STATUS[e.status]?.zh ?? e.status,
      e.members.length,
      formatDeadline(new Date(e.commentUntil)),
      e.publishedAt ? beijing(e.publishedAt) : '',
    ]),
  } satisfies ExportTable;
}

export async function yearsPage(
  c: Context,
  platform: Platform,
  form?: SupervisionForm,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims } = staff(c);
  const now = platform.clock.now();
  const years = await openedYears(platform, tenant);
  const table = yearsTable(tenant.name.zh, years, now);
  const base = `/${tenant.id}/admin/evaluations`;
  const runs = runsEvaluation(claims, tenant);
  const role = evaluatingRole(tenant);
  const cities = citiesRunBy(platform, tenant);
  const lastYear = Number(shanghaiDateOf(now).slice(0, 4)) - 1;
  return renderPage(
    c,
    { title: '年度评价', status },
    <>
      <h1>
        年度评价 <span class="en">Yearly evaluation</span>
      </h1>
      {!role && (
        <p class="notice-box">
          本地监管规则未设年度评价的等次标准。
          <span class="en" lang="en">
            {' '}
            The tenant's rules set no grading for a yearly evaluation.
          </span>
        </p>
      )}
      {role && !runs && (
        <p class="notice-box">
          本地年度评价由{role === 'province_admin' ? '省级' : '市级'}
          主管部门开展，此处可查看结果。
          <span class="en" lang="en">
            {' '}
            The {role === 'province_admin' ? 'province' : 'city'} bureau runs this evaluation; you
            may read it here.
          </span>
        </p>
      )}
      {cities.length > 0 && (
        <p>
          由省级主管部门开展评价的城市 Cities the province evaluates：
          {cities.map((city) => (
            <>
              {' '}
              <a href={`/${city.id}/admin/evaluations`}>
                <Bi text={city.name} />
              </a>
            </>
          ))}
        </p>
      )}
      <h2>
        已开展的评价 <span class="en">Evaluations</span>
      </h2>
      <Downloads href={`${base}/list`} label={table.name} />
      {years.length === 0 ? (
        <p>
          近 {YEARS_SHOWN} 年尚未开展年度评价。
          <span class="en" lang="en">
            {' '}
            No evaluation in the last {YEARS_SHOWN} years.
          </span>
        </p>
      ) : (
        <DataTable columns={Object.values(COLUMNS)} caption={table.title}>
          {years.map((e) => (
            <tr>
              <RowHead>
                <a href={`${base}/${e.year}`}>{e.year} 年度</a>
              </RowHead>
              <Cell column={COLUMNS.status}>
                <Bi text={YEAR_STATUS[e.status] ?? { zh: e.status, en: e.status }} />
              </Cell>
              <Cell column={COLUMNS.members}>{e.members.length}</Cell>
              <Cell column={COLUMNS.until}>{formatDeadline(new Date(e.commentUntil))}</Cell>
              <Cell column={COLUMNS.published}>{e.publishedAt ? beijing(e.publishedAt) : '—'}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
      {runs && (
        <form method="post" action={base} class="card" novalidate>
          <CsrfField token={csrfToken(c)} />
          <h2>
            开展年度评价 <span class="en">Open a year's evaluation</span>
          </h2>
          <p class="hint">
            资源池内的每一家服务商按其入库类别的评价规则参评，开展后服务商可在意见反馈期内提出意见。
            <span class="en" lang="en">
              {' '}
              Every member of the pool is evaluated under its program's rule; members may comment
              until the window closes.
            </span>
          </p>
          {form?.errors.form && (
            <p class="notice-box bad" role="alert">
              {form.errors.form.zh} <span class="en">{form.errors.form.en}</span>
            </p>
          )}
          <TextField
            id="year"
            type="number"
            inputMode="numeric"
            label={YEAR_LABEL}
            value={form?.values.year ?? String(lastYear)}
            error={form?.errors.year}
            min={2000}
            max={2100}
            step="1"
            required
          />
          <button type="submit">开展评价 Open</button>
        </form>
      )}
    </>,
  );
}
