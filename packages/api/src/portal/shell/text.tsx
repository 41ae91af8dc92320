/**
 * How pages write what people read: Chinese first with the English name beside it,
 * instants and deadlines in Beijing time, the time left before a deadline.
 */
import { formatDeadline, formatShanghai, type LocalizedText } from '@sme/core';
import type { FC } from 'hono/jsx';

/** A name in Chinese, with its English beside it in a smaller, muted line. */
export const Bi: FC<{ text: LocalizedText }> = ({ text }) => (
  <>
    {text.zh}{' '}
    <span class="en" lang="en">
      {text.en}
    </span>
  </>
);

/** `2024-01-20 09:00`, Beijing time (the label says so where a page shows it). */
export function beijing(instant: Date | string): string {
  const iso = formatShanghai(typeof instant === 'string' ? new Date(instant) : instant);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The time left before `deadline`, as the countdown script writes it too. */
export function remaining(deadline: Date, now: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return '已截止';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return `剩余 ${days ? `${days} 天 ` : ''}${hours} 小时 ${minutes % 60} 分`;
}

/** A deadline as notices write it (`2024-01-31 24:00（北京时间）`) with a live countdown. */
export const Deadline: FC<{ at: Date; now: Date }> = ({ at, now }) => (
  <span class="deadline">
    {formatDeadline(at)}（北京时间）{' '}
    <time class="countdown" datetime={at.toISOString()} data-now={now.toISOString()}>
      {remaining(at, now)}
    </time>
  </span>
);

/** A file size as people say it: `20 MB`, `512 KB`. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
