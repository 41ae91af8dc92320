/**
 * `/<province>/province`: the province administrator's dashboard across its cities
 * (issue 11 §7): applications by city × status and by category, each drawn as a bar
 * chart in SVG on the server (no script; colours as presentation attributes, since the
 * CSP forbids `style`), with the same numbers as a table below it (the names never wrap; on a phone the table
 * scrolls under its row headers, which stay in place). The numbers are the
 * province's counters (`platform.province.stats`), equal to a recount.
 */
import { APPLICATION_STATUSES, type ApplicationStatus, STATUS_NAMES } from '@sme/core';
import type { ByStatus, Platform } from '@sme/platform';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { member } from '../../middleware/tenant-scope/index.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { renderPage } from '../shell/page.js';

/** One colour per status, told apart without relying on hue alone (the table says it all). */
const COLOURS: Record<ApplicationStatus, string> = {
  draft: '#9aa5b1',
  submitted: '#0b4f9c',
  in_review: '#3e7cb1',
  returned: '#b7791f',
  publicity: '#6b46c1',
  listed: '#1e6b3a',
  rejected: '#a61b1b',
  withdrawn: '#52606d',
};

interface Bar {
  label: string;
  counts: ByStatus;
}

const total = (counts: ByStatus) => APPLICATION_STATUSES.reduce((n, s) => n + counts[s], 0);

const zero = (): ByStatus =>
  Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as ByStatus;

function add(into: ByStatus, counts: ByStatus) {
  for (const s of APPLICATION_STATUSES) into[s] += counts[s];
  return into;
}

/** Horizontal bars, each stacked by status; the scale is the largest total. */
const StackedBars: FC<{ id: string; title: string; bars: Bar[] }> = ({ id, title, bars }) => {
  const left = 150;
  const width = 640;
  const area = width - left - 50;
  const row = 30;
  const top = 10;
  const height = top + bars.length * row + 10;
  const max = Math.max(1, ...bars.map((b) => total(b.counts)));
  const summary = bars.map((b) => `${b.label} ${total(b.counts)}`).join('，');
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <line class="axis" x1={left} y1={top - 4} x2={left} y2={height - 6} stroke="#cbd2d9" />
      {bars.map((bar, i) => {
        const y = top + i * row;
        let x = left;
        return (
          <g>
            <text x={left - 8} y={y + 18} text-anchor="end">
              {bar.label}
            </text>
            {APPLICATION_STATUSES.filter((s) => bar.counts[s] > 0).map((status) => {
              const w = (bar.counts[status] / max) * area;
              const rect = (
                <rect x={x} y={y + 4} width={w} height={row - 10} fill={COLOURS[status]}>
                  <title>
                    {bar.label} {STATUS_NAMES[status].zh} {bar.counts[status]}
                  </title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text class="value" x={x + 6} y={y + 18}>
              {total(bar.counts)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

const Legend: FC = () => (
  <ul class="legend" aria-hidden="true">
    {APPLICATION_STATUSES.map((status) => (
      <li>
        <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
          <rect width="10" height="10" fill={COLOURS[status]} />
        </svg>
        {STATUS_NAMES[status].zh}
      </li>
    ))}
  </ul>
);

/** The numbers of a chart: a row per bar, a column per status, and the totals. */
const CountsTable: FC<{ caption: string; head: string; bars: Bar[] }> = ({
  caption,
  head,
  bars,
}) => {
  const sum = bars.reduce((into, b) => add(into, b.counts), zero());
  return (
    // A region one can scroll with the keyboard: on a phone the figures scroll sideways.
    <section class="table-wrap" aria-label={caption} tabindex={0}>
      <table class="counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {APPLICATION_STATUSES.map((s) => (
              <th scope="col" class="num">
                {STATUS_NAMES[s].zh}
              </th>
            ))}
            <th scope="col" class="num">
              合计
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr>
              <th scope="row">{bar.label}</th>
              {APPLICATION_STATUSES.map((s) => (
                <td class="num">{bar.counts[s]}</td>
              ))}
              <td class="num">{total(bar.counts)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            {APPLICATION_STATUSES.map((s) => (
              <td class="num">{sum[s]}</td>
            ))}
            <td class="num">{total(sum)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
};

export function provincePages(platform: Platform) {
  const { province, tenants } = platform;
  return new Hono().get('/:t/province', async (c) => {
    const { tenant, claims } = member(c);
    // Only this province's administrator (a city's admin gets the 403 page).
    const stats = await province.stats(tenant, claims);
    const family = tenants.family(tenant);
    const names = catalogueNames(family);
    const byCity: Bar[] = stats.tenants.map((t) => ({
      label: nameOf(names.tenants, t.tenant),
      counts: t.programs.reduce((into, p) => add(into, p.byStatus), zero()),
    }));
    const byCategory: Bar[] = stats.totals.byCategory.map((c) => ({
      label: c.category ? nameOf(names.categories, c.category) : '不分类别的申报',
      counts: c.byStatus,
    }));
    const all = total(stats.totals.byStatus);
    const cities = stats.tenants.filter((t) => t.tenant !== tenant.id).length;
    return renderPage(
      c,
      { title: '数据看板' },
      <>
        <h1>
          数据看板 <span class="en">Dashboard across the cities</span>
        </h1>
        <p>
          全省共 {all} 份申报（含草稿），覆盖省本级及 {cities} 个市。
          <span class="en" lang="en">
            {' '}
            {all} applications (drafts included) across the province and its cities.
          </span>
        </p>
        <section aria-labelledby="by-city">
          <h2 id="by-city">
            各市申报情况（按状态） <span class="en">By city and status</span>
          </h2>
          <Legend />
          <div class="chart-pair">
            <StackedBars id="chart-city" title="各市申报数量（按状态）" bars={byCity} />
            <CountsTable caption="各市申报数量（按状态）" head="城市 City" bars={byCity} />
          </div>
        </section>
        <section aria-labelledby="by-category">
          <h2 id="by-category">
            服务商类别申报情况 <span class="en">By category</span>
          </h2>
          {byCategory.length === 0 ? (
            <p>暂无申报。No applications yet.</p>
          ) : (
            <div class="chart-pair">
              <StackedBars id="chart-category" title="各类别申报数量（按状态）" bars={byCategory} />
              <CountsTable
                caption="各类别申报数量（按状态）"
                head="服务商类别 Category"
                bars={byCategory}
              />
            </div>
          )}
        </section>
      </>,
    );
  });
}
