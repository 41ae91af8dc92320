/**
 * An application's history as a plain table, oldest first: when (Beijing time), who
 * by role, at which stage, the status it went from and to, and the reason given. Kept in
 * one small component so the provider's timeline can take its place on the staff page.
 */
import { type HistoryEvent, type Program, statusName } from '@sme/core';
import type { FC } from 'hono/jsx';
import { ROLE_NAMES } from '../shell/role-names.js';
import { beijing } from '../shell/text.js';

const ACTORS: Record<string, string> = { system: '系统', workflow: '系统' };

const roleName = (role: string) =>
  ROLE_NAMES[role as keyof typeof ROLE_NAMES]?.zh ?? ACTORS[role] ?? role;

export const HistoryTable: FC<{ program: Program; events: readonly HistoryEvent[] }> = ({
  program,
  events,
}) => {
  if (events.length === 0) return <p class="muted">暂无记录。No history yet.</p>;
  const stageName = (id: string | undefined) =>
    id ? (program.stages.find((s) => s.id === id)?.name.zh ?? id) : '';
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">时间（北京时间）Time</th>
            <th scope="col">办理人 By</th>
            <th scope="col">环节 Stage</th>
            <th scope="col">状态变化 Status</th>
            <th scope="col">意见或说明 Reason</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr>
              <td>{beijing(event.at)}</td>
              <td>{roleName(event.role)}</td>
              <td>{stageName(event.stage)}</td>
              <td>
                {event.from ? `${statusName(event.from).zh} → ` : ''}
                {statusName(event.to).zh}
              </td>
              <td>{event.reason ? <span class="text-block">{event.reason}</span> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
