/**
 * The work queue of a staff member (`/<t>/review`): every open task the caller holds,
 * oldest due first, with the names people know (the organization, its track, industries
 * and district, the stage) and the due date in Beijing time; an overdue task says so in
 * words, not by colour alone. Each row links to the application's staff page.
 */
import { formatDeadline, type LocalizedText, type ResolvedTenant } from '@sme/core';
import type { FC } from 'hono/jsx';
import { type CatalogueNames, nameOf } from '../publicity/catalogue-names.js';

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

export const QueueTable: FC<{
  tenant: ResolvedTenant;
  rows: readonly QueueRow[];
  names: CatalogueNames;
}> = ({ tenant, rows, names }) => {
  const stageName = (programId: string, stage: string) =>
    tenant.programs.find((p) => p.id === programId)?.stages.find((s) => s.id === stage)?.name.zh ??
    stage;
  return (
    <div class="table-wrap">
      <table class="queue">
        <caption>
          待办事项 <span class="en">Open tasks</span>（{rows.length}）
        </caption>
        <thead>
          <tr>
            <th scope="col">申报单位 Organization</th>
            <th scope="col">申报类型 Track</th>
            <th scope="col">细分行业 Industries</th>
            <th scope="col">所在区市 District</th>
            <th scope="col">审核环节 Stage</th>
            <th scope="col">办理期限（北京时间）Due</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const app = row.application;
            const task = taskLabel(row);
            return (
              <tr class={row.overdue ? 'overdue' : undefined}>
                <td>
                  <a href={`/${tenant.id}/review/applications/${row.applicationId}`}>
                    {app?.orgName ?? row.applicationId}
                  </a>
                </td>
                <td>{nameOf(names.tracks, app?.track)}</td>
                <td>{app?.industries.map((i) => nameOf(names.industries, i)).join('、')}</td>
                <td>{nameOf(names.regions, app?.region)}</td>
                <td>
                  {stageName(row.programId, row.stage)}
                  <br />
                  <span class="muted">{task.zh}</span>
                </td>
                <td>
                  {row.dueAt ? formatDeadline(new Date(row.dueAt)) : <span class="muted">无</span>}
                  {row.overdue && (
                    <>
                      {' '}
                      <span class="tag bad overdue">已逾期 Overdue</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
