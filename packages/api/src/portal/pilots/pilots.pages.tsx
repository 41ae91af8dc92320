/**
 * `/<t>/pilots`: the pilot enterprises the city (or, on the province's portal, every city)
 * listed, for its staff and for the members of its pool (API.md `GET /pilots`). Staff
 * read who each is, where, what it needs and when it was listed;
 * a member reads the name, district and needs, which is what it offers its services on.
 * Anyone else gets the 403 page saying who may read it. The list downloads as CSV or
 * Excel from the same rows (`/<t>/pilots/download`).
 */
import type { ResolvedTenant } from '@sme/core';
import type { ExportTable, PilotList, Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { ListedTable, listDownload } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';

const NAME = { zh: '试点企业名单', en: 'Pilot enterprises' };

/** The list as a table: the staff's columns, or the members' three. */
function pilotsTable(
  list: PilotList,
  family: ResolvedTenant[],
): { table: ExportTable; en: string[] } {
  const names = catalogueNames(family);
  const district = (p: { region?: string }) => nameOf(names.regions, p.region);
  if (list.sight === 'member') {
    return {
      table: {
        name: NAME.zh,
        columns: [
          { header: '企业名称', width: 30 },
          { header: '所在区市', width: 12 },
          { header: '数字化转型需求', width: 60 },
        ],
        rows: list.items.map((p) => [p.name, district(p), p.needs]),
      },
      en: ['Enterprise', 'District', 'Needs'],
    };
  }
  const across = family.length > 1;
  return {
    table: {
      name: NAME.zh,
      columns: [
        { header: '企业名称', width: 30 },
        { header: '统一社会信用代码', width: 22 },
        ...(across ? [{ header: '城市', width: 10 }] : []),
        { header: '所在区市', width: 12 },
        { header: '数字化转型需求', width: 60 },
        { header: '入选时间（北京时间）', width: 20 },
      ],
      rows: list.items.map((p) => [
        p.name,
        p.uscc,
        ...(across ? [nameOf(names.tenants, p.tenant)] : []),
        district(p),
        p.needs,
        beijing(p.listedAt),
      ]),
    },
    en: ['Enterprise', 'USCC', ...(across ? ['City'] : []), 'District', 'Needs', 'Listed'],
  };
}

export function pilotPages(platform: Platform) {
  const read = async (c: Context) => {
    const { tenant, claims } = member(c);
    // Refused (403 page) for anyone neither staff in scope nor a member of the pool.
    const pilots = await platform.pilots.list(tenant, claims);
    return { tenant, ...pilotsTable(pilots, platform.tenants.family(tenant)) };
  };
  return new Hono()
    .get('/:t/pilots', async (c) => {
      const { tenant, table, en } = await read(c);
      return renderPage(
        c,
        { title: NAME.zh },
        <>
          <h1>
            {NAME.zh} <span class="en">{NAME.en}</span>
          </h1>
          <p>
            经遴选列入的数字化转型试点企业及其转型需求。试点企业不是服务商，不在服务商资源池中。
            <span class="en" lang="en">
              The enterprises selected for the digital-transformation pilot, with their needs. They
              are not providers and are not in the provider pool.
            </span>
          </p>
          <ListedTable
            table={table}
            en={en}
            href={`/${tenant.id}/pilots/download`}
            none={{ zh: '暂无试点企业。', en: 'No pilot enterprise is listed yet.' }}
          />
        </>,
      );
    })
    .get('/:t/pilots/download', async (c) => {
      const { table } = await read(c);
      return listDownload(c, table, platform.clock.now());
    });
}
