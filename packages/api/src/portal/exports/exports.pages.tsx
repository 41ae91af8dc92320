/**
 * `/<t>/admin/exports`: the downloads officials use, per call and district (issue 11
 * §6): the initial-review recommendation summary (初审推荐汇总表, seed 002 附件5) of each
 * district and of the whole city, and the applications table, each as Excel or CSV.
 * The files answer at `/<t>/admin/exports/recommendations` and `…/applications` with
 * the session cookie, the same tables as the API's export routes. A district reviewer
 * sees and gets only its own district.
 */
import { APPLICATION_STATUSES, type ApplicationStatus, type Program } from '@sme/core';
import type { Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import { exportResponse } from '../../exports/spreadsheet.js';
import { member } from '../../middleware/tenant-scope/index.js';
import { renderPage } from '../shell/page.js';
import { Bi } from '../shell/text.js';

const FORMATS = [
  ['xlsx', 'Excel'],
  ['csv', 'CSV'],
] as const;
type Format = (typeof FORMATS)[number][0];

const formatOf = (c: Context): Format => (c.req.query('format') === 'csv' ? 'csv' : 'xlsx');
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function hasDistrictReview(program: Program) {
  return program.stages.some((s) => s.kind === 'manual' && s.scope === 'region');
}

/** The two links of one table: Excel and CSV. */
function Downloads({
  base,
  query,
  label,
}: {
  base: string;
  query: Record<string, string>;
  label: string;
}) {
  return (
    <span class="downloads">
      {FORMATS.map(([format, name]) => (
        <a href={`${base}?${new URLSearchParams({ ...query, format })}`} download>
          {name}
          <span class="visually-hidden">：{label}</span>
        </a>
      ))}
    </span>
  );
}

export function exportPages(platform: Platform) {
  const { exports, clock } = platform;
  return new Hono()
    .get('/:t/admin/exports', (c) => {
      const { tenant, claims } = member(c);
      // Refuses anyone but staff; a district reviewer is bound to its district.
      const own = exports.scope(tenant, claims, undefined);
      const base = `/${tenant.id}/admin/exports`;
      const regions = tenant.regions.filter((r) => !own || r.id === own);
      return renderPage(
        c,
        { title: '数据导出' },
        <>
          <h1>
            数据导出 <span class="en">Exports</span>
          </h1>
          <p class="muted">
            Excel 文件可直接打印（A4 横向，每页重复表头）；CSV 为 UTF-8 编码，可用 Excel 打开。
            <span class="en" lang="en">
              {' '}
              Excel prints on A4 landscape with the header on every page; CSV is UTF-8 and opens in
              Excel.
            </span>
          </p>
          {tenant.programs.map((program) => (
            <section aria-labelledby={`program-${program.id}`}>
              <h2 id={`program-${program.id}`}>
                <Bi text={program.title} />
              </h2>
              {hasDistrictReview(program) && (
                <>
                  <h3>
                    初审推荐汇总表 <span class="en">Initial-review recommendation summary</span>
                  </h3>
                  <div class="table-wrap">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">区市 District</th>
                          <th scope="col">下载 Download</th>
                        </tr>
                      </thead>
                      <tbody>
                        {!own && (
                          <tr>
                            <th scope="row">{tenant.name.zh}（全市）</th>
                            <td>
                              <Downloads
                                base={`${base}/recommendations`}
                                query={{ programId: program.id }}
                                label={`${tenant.name.zh}全市初审推荐汇总表`}
                              />
                            </td>
                          </tr>
                        )}
                        {regions.map((region) => (
                          <tr>
                            <th scope="row">{region.name.zh}</th>
                            <td>
                              <Downloads
                                base={`${base}/recommendations`}
                                query={{ programId: program.id, region: region.id }}
                                label={`${region.name.zh}初审推荐汇总表`}
                              />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
              <h3>
                申报汇总表 <span class="en">Applications table</span>
              </h3>
              <p>
                全部已提交申报{own ? `（${regions[0]?.name.zh ?? ''}）` : ''}：
                <Downloads
                  base={`${base}/applications`}
                  query={{ programId: program.id }}
                  label={`${program.title.zh}申报汇总表`}
                />
              </p>
            </section>
          ))}
        </>,
      );
    })
    .get('/:t/admin/exports/recommendations', async (c) => {
      const { tenant, claims } = member(c);
      const table = await exports.recommendations(tenant, claims, {
        programId: c.req.query('programId') ?? '',
        region: optional(c.req.query('region')),
      });
      return exportResponse(table, formatOf(c), clock.now());
    })
    .get('/:t/admin/exports/applications', async (c) => {
      const { tenant, claims } = member(c);
      const status = c.req.query('status');
      const table = await exports.applications(tenant, claims, {
        programId: optional(c.req.query('programId')),
        status: APPLICATION_STATUSES.includes(status as ApplicationStatus)
          ? (status as ApplicationStatus)
          : undefined,
      });
      return exportResponse(table, formatOf(c), clock.now());
    });
}
