/**
 * The work queue of a staff member (`/<t>/review`): every open task the caller holds,
 * oldest due first, with the names people know (the organization, its track, industries
 * and district, the stage) and the due date in Beijing time; an overdue task says so in
 * words, not by colour alone. Each row links to the application's staff page.
 */
import { formatDeadline, type LocalizedText, type ResolvedTenant } from '@sme/core';
import type { FC } from 'hono/jsx';
import { type CatalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';

export interface QueueRow {
  taskId: string;
  applicationId: string;
  programId: string;
  stage: string;
  kind: string;
  dueAt?: string;
  overdue?: boolean;
  ready?: boolean;
  application?: { orgName: string; region: string; track?: string; industries: string[] };
}

/** What the caller is to do, by the task's kind. */
export function taskLabel(row: Pick<QueueRow, 'kind' | 'ready'>): LocalizedText {
  switch (row.kind) {
    case 'manual':
      return { zh: '待审核', en: 'To review' };
    case 'panel':
      return row.ready
        ? { zh: '专家评分完毕，待作出决定', en: 'Scored, to decide' }
        : { zh: '专家评审中', en: 'Panel under way' };
    case 'score':
      return { zh: '待评分', en: 'To score' };
    case 'objection':
      return { zh: '异议待核查', en: 'Objection to check' };
    case 'publicity':
      return { zh: '待公示', en: 'To publish in a notice' };
    default:
      return { zh: row.kind, en: row.kind };
  }
}

/** The queue's columns; on a phone each row is a card led by the organization. */
const COLUMNS = {
  org: { zh: '申报单位', en: 'Organization' },
  track: { zh: '申报类型', en: 'Track' },
  industries: { zh: '细分行业', en: 'Industries' },
  region: { zh: '所在区市', en: 'District' },
  stage: { zh: '审核环节', en: 'Stage' },
  due: { zh: '办理期限（北京时间）', short: '办理期限', en: 'Due' },
} as const satisfies Record<string, Column>;

export const QueueTable: FC<{
  tenant: ResolvedTenant;
  rows: readonly QueueRow[];
  names: CatalogueNames;
}> = ({ tenant, rows, names }) => {
  const stageName = (programId: string, stage: string) =>
    tenant.programs.find((p) => p.id === programId)?.stages.find((s) => s.id === stage)?.name.zh ??
    stage;
  return (
    <DataTable
      class="queue"
      columns={Object.values(COLUMNS)}
      caption={
        <>
          待办事项 <span class="en">Open tasks</span>（{rows.length}）
        </>
      }
    >
      {rows.map((row) => {
        const app = row.application;
        const task = taskLabel(row);
        return (
          <tr class={row.overdue ? 'overdue' : undefined}>
            <RowHead>
              <a href={`/${tenant.id}/review/applications/${row.applicationId}`}>
                {app?.orgName ?? row.applicationId}
              </a>
            </RowHead>
            <Cell column={COLUMNS.track}>{nameOf(names.tracks, app?.track)}</Cell>
            <Cell column={COLUMNS.industries}>
              {app?.industries.map((i) => nameOf(names.industries, i)).join('、')}
            </Cell>
            <Cell column={COLUMNS.region}>{nameOf(names.regions, app?.region)}</Cell>
            <Cell column={COLUMNS.stage}>
              {stageName(row.programId, row.stage)}
              <br />
              <span class="muted">{task.zh}</span>
            </Cell>
            <Cell column={COLUMNS.due}>
              {row.dueAt ? formatDeadline(new Date(row.dueAt)) : <span class="muted">无</span>}
              {row.overdue && (
                <>
                  {' '}
                  <span class="tag bad overdue">已逾期 Overdue</span>
                </>
              )}
            </Cell>
          </tr>
        );
      })}
    </DataTable>
  );
};
