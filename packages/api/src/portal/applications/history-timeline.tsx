/**
 * An application's history as a timeline, oldest first: each change with its Beijing
 * time, who made it (the role, in Chinese), the status before and after, the stage and
 * the reason. Shared by the provider's page and the staff pages.
 */
import { type HistoryEvent, type LocalizedText, type Program, statusName } from '@sme/core';
import type { FC } from 'hono/jsx';
import { ROLE_NAMES } from '../shell/role-names.js';
import { beijing } from '../shell/text.js';

/** Who acted, as a page names them: a role, or the platform itself. */
export function actorName(role: string): LocalizedText {
  return (
    (ROLE_NAMES as Record<string, LocalizedText | undefined>)[role] ?? {
      zh: '系统',
      en: 'The platform',
    }
  );
}

/** A stored reason is `中文 / English`; a page shows the Chinese and the English apart. */
export function splitReason(reason: string | undefined): LocalizedText | undefined {
  if (!reason) return undefined;
  const at = reason.lastIndexOf(' / ');
  return at < 0 ? { zh: reason, en: '' } : { zh: reason.slice(0, at), en: reason.slice(at + 3) };
}

/** The reason of the latest return, for the notice on a returned application. */
export function returnReason(events: readonly HistoryEvent[]): LocalizedText | undefined {
  const last = [...events].reverse().find((e) => e.to === 'returned');
  return splitReason(last?.reason);
}

export const HistoryTimeline: FC<{
  events: readonly HistoryEvent[];
  program?: Program | undefined;
  headingId?: string;
}> = ({ events, program, headingId = 'history' }) => {
  const stageName = (id: string | undefined) =>
    id ? program?.stages.find((s) => s.id === id)?.name : undefined;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        办理记录 <span class="en">History</span>
      </h2>
      {events.length === 0 ? (
        <p>暂无记录。No history yet.</p>
      ) : (
        <ol class="timeline">
          {events.map((event) => {
            const who = actorName(event.role);
            const to = statusName(event.to, program);
            const stage = stageName(event.stage);
            const reason = splitReason(event.reason);
            return (
              <li class={`timeline-item status-${event.to}`}>
                <p class="timeline-head">
                  <time datetime={event.at}>{beijing(event.at)}</time>
                  <span class="muted">（北京时间）</span> {who.zh}{' '}
                  <span class="en" lang="en">
                    {who.en}
                  </span>
                </p>
                <p>
                  {event.from ? `${statusName(event.from).zh} → ` : ''}
                  <strong>{to.zh}</strong>{' '}
                  <span class="en" lang="en">
                    {event.from ? `${statusName(event.from).en} → ` : ''}
                    {to.en}
                  </span>
                  {stage && (
                    <>
                      {' · '}
                      {stage.zh}
                    </>
                  )}
                </p>
                {reason && (
                  <p class="timeline-reason">
                    {reason.zh}
                    {reason.en && (
                      <span class="en" lang="en">
                        {' '}
                        {reason.en}
                      </span>
                    )}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};
