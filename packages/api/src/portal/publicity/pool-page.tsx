/**
 * `/<t>/pool`: the published pool with search by name (or USCC) and filters by
 * category, track, industry and district, twenty to a page. A filter form that works
 * without script (GET, so every result is a link one can share). A province's pool
 * holds its own and every city's providers, each naming its city.
 */
import type { LocalizedText, ResolvedTenant } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { Select, TextField } from '../forms/fields.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { catalogueNames, nameOf } from './catalogue-names.js';

export const POOL_PAGE_SIZE = 20;
const FILTERS = ['q', 'category', 'track', 'industry', 'region'] as const;
type Filter = (typeof FILTERS)[number];

const LABELS: Record<Filter, LocalizedText> = {
  q: { zh: '单位名称或信用代码', en: 'Name or USCC' },
  category: { zh: '服务商类别', en: 'Category' },
  track: { zh: '申报类别', en: 'Track' },
  industry: { zh: '服务行业', en: 'Industry' },
  region: { zh: '所在区市', en: 'District' },
};

const options = (map: Map<string, LocalizedText>) =>
  [...map].map(([value, name]) => ({ value, label: name.zh }));

export async function poolPage(c: Context, platform: Platform, family: ResolvedTenant[]) {
  const { tenant } = scopeOf(c);
  const filter: Partial<Record<Filter, string>> = {};
  for (const key of FILTERS) {
    const value = c.req
      .query(key)
      ?.trim()
      .slice(0, key === 'q' ? 100 : 64);
    if (value) filter[key] = value;
  }
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
  const choices: Record<Exclude<Filter, 'q'>, Map<string, LocalizedText>> = {
    category: names.categories,
    track: names.tracks,
    industry: names.industries,
    region: names.regions,
  };
  return renderPage(
    c,
    { title: '服务商资源池' },
    <>
      <h1>
        服务商资源池 <span class="en">Provider pool</span>
      </h1>
      <form class="filters" method="get" action={`/${tenant.id}/pool`} aria-label="筛选 Filter">
        <TextField id="q" type="search" label={LABELS.q} value={filter.q} maxLength={100} />
        {(Object.keys(choices) as Exclude<Filter, 'q'>[])
          .filter((key) => choices[key].size > 0)
          .map((key) => (
            <Select
              id={key}
              label={LABELS[key]}
              value={filter[key]}
              placeholder="全部"
              options={options(choices[key])}
            />
          ))}
        <div class="field">
          <button type="submit">查询 Search</button>
        </div>
      </form>
      <p role="status">
        共 {entries.length} 家{entries.length > POOL_PAGE_SIZE ? `，第 ${page}/${pages} 页` : ''}。
        <span class="en" lang="en">
          {' '}
          {entries.length} listed.
        </span>
      </p>
      {shown.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">单位名称 Name</th>
                <th scope="col">统一社会信用代码 USCC</th>
                {across && <th scope="col">城市 City</th>}
                <th scope="col">类别 Track</th>
                <th scope="col">服务行业 Industries</th>
                <th scope="col">所在区市 District</th>
                <th scope="col">入库时间 Listed</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr>
                  <td>{entry.orgName}</td>
                  <td>{entry.uscc}</td>
                  {across && <td>{nameOf(names.tenants, entry.tenant)}</td>}
                  <td>
                    {nameOf(names.tracks, entry.track) || nameOf(names.categories, entry.category)}
                  </td>
                  <td>{entry.industries.map((id) => nameOf(names.industries, id)).join('、')}</td>
                  <td>{nameOf(names.regions, entry.region)}</td>
                  <td>{beijing(entry.listedAt).slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
