/**
 * `/<t>/pool`: the published pool with search by name (or USCC) and filters by
 * category, track, industry and district, twenty to a page. A filter form that works
 * without script (GET, so every result is a link one can share). A province's pool
 * holds its own and every city's providers, each naming its city.
 */
import { MEMBER_STATUS_NAMES, type ResolvedTenant } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { choicesOf, FilterForm, readFilters } from '../forms/filter-form.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { catalogueNames, nameOf } from './catalogue-names.js';

export const POOL_PAGE_SIZE = 20;
const FILTERS = ['q', 'category', 'track', 'industry', 'region'] as const;

/** The pool's columns; the city only on a province's pool, which holds every city's. */
const COLUMNS = {
  name: { zh: '单位名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', short: '信用代码', en: 'USCC' },
  city: { zh: '城市', en: 'City' },
  track: { zh: '类别', en: 'Track' },
  industries: { zh: '服务行业', en: 'Industries' },
  region: { zh: '所在区市', en: 'District' },
  listed: { zh: '入库时间', en: 'Listed' },
  status: { zh: '状态', en: 'Status' },
} as const satisfies Record<string, Column>;

export async function poolPage(c: Context, platform: Platform, family: ResolvedTenant[]) {
  const { tenant } = scopeOf(c);
  const filter = readFilters(c, FILTERS);
  const entries = (await platform.publicityQueries.pool(tenant, filter)).sort(
    (a, b) => b.listedAt.localeCompare(a.listedAt) || a.orgName.localeCompare(b.orgName, 'zh'),
  );
  const pages = Math.max(1, Math.ceil(entries.length / POOL_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
  const shown = entries.slice((page - 1) * POOL_PAGE_SIZE, page * POOL_PAGE_SIZE);
  const names = catalogueNames(family);
  const across = family.length > 1;
  const link = (n: number) => {
    const query = new URLSearchParams({ ...filter, page: String(n) });
    return `/${tenant.id}/pool?${query}`;
  };
  const selects = (
    [
      ['category', names.categories],
      ['track', names.tracks],
      ['industry', names.industries],
      ['region', names.regions],
    ] as const
  )
    .filter(([, choices]) => choices.size > 0)
    .map(([key, choices]) => ({ key, options: choicesOf(choices) }));
  return renderPage(
    c,
    { title: '服务商资源池' },
    <>
      <h1>
        服务商资源池 <span class="en">Provider pool</span>
      </h1>
      <FilterForm action={`/${tenant.id}/pool`} values={filter} selects={selects} />
      <p role="status">
        共 {entries.length} 家{entries.length > POOL_PAGE_SIZE ? `，第 ${page}/${pages} 页` : ''}。
        <span class="en" lang="en">
          {' '}
          {entries.length} listed.
        </span>
      </p>
      {shown.length > 0 && (
        <DataTable
          columns={Object.values(COLUMNS).filter((column) => across || column !== COLUMNS.city)}
        >
          {shown.map((entry) => (
            <tr>
              <RowHead>
                <a href={`/${entry.tenant}/members/${entry.uscc}`}>{entry.orgName}</a>
              </RowHead>
              <Cell column={COLUMNS.uscc}>{entry.uscc}</Cell>
              {across && <Cell column={COLUMNS.city}>{nameOf(names.tenants, entry.tenant)}</Cell>}
              <Cell column={COLUMNS.track}>
                {nameOf(names.tracks, entry.track) || nameOf(names.categories, entry.category)}
              </Cell>
              <Cell column={COLUMNS.industries}>
                {entry.industries.map((id) => nameOf(names.industries, id)).join('、')}
              </Cell>
              <Cell column={COLUMNS.region}>{nameOf(names.regions, entry.region)}</Cell>
              <Cell column={COLUMNS.listed}>{beijing(entry.listedAt).slice(0, 10)}</Cell>
              <Cell column={COLUMNS.status}>{MEMBER_STATUS_NAMES[entry.status].zh}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label="分页 Pages">
          {page > 1 && <a href={link(page - 1)}>上一页 Previous</a>}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages && <a href={link(page + 1)}>下一页 Next</a>}
        </nav>
      )}
    </>,
  );
}
