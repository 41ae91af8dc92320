/** A call's state as a tag, and its deadline where it has one. */
import { type Program, type ProgramState, programState, windowInstants } from '@sme/core';
import type { FC } from 'hono/jsx';
import { Deadline } from '../shell/text.js';

const STATE_NAMES: Record<ProgramState, { zh: string; en: string; tone: string }> = {
  upcoming: { zh: '尚未开始', en: 'Not open yet', tone: 'upcoming' },
  open: { zh: '正在申报', en: 'Open', tone: 'open' },
  rolling: { zh: '常年申报', en: 'Open all year', tone: 'open' },
  closed: { zh: '已截止', en: 'Closed', tone: 'closed' },
};

export const StateTag: FC<{ program: Program; now: Date }> = ({ program, now }) => {
  const state = STATE_NAMES[programState(program.window, now)];
  return (
    <span class={`tag ${state.tone}`}>
      {state.zh} <span lang="en">{state.en}</span>
    </span>
  );
};

/** "截止时间 …" with the countdown, for a call that has a closing instant. */
export const ProgramDeadline: FC<{ program: Program; now: Date }> = ({ program, now }) => {
  const { opensAt, closesAt } = windowInstants(program.window);
  if (program.window.kind === 'rolling') {
    return (
      <p>
        常年开放申报，每月申报于次月 {program.window.reviewDayOfMonth} 日前完成审核。
        <span class="en" lang="en">
          {' '}
          Open all year; each month's applications are reviewed by day{' '}
          {program.window.reviewDayOfMonth} of the next month.
        </span>
      </p>
    );
  }
  if (!closesAt) return <p>申报时间以当年通知为准。Dates are set by each year's notice.</p>;
  return (
    <p>
      {opensAt && now < opensAt ? '开始时间 ' : ''}
      申报截止 Deadline: <Deadline at={closesAt} now={now} />
    </p>
  );
};
