/**
 * A member's evaluation years as it reads them on `/<t>/me/evaluation`: each year's
 * status, score, proposed and final grade or why it is excluded, its indicators with
 * the evidence counted, its comment and, while the window is open, the comment form;
 * the same years as a download; and the reminders its inbox holds.
 */
import { formatDeadline, type ResolvedTenant } from '@sme/core';
import type { ExportTable } from '@sme/platform';
import type { InboxMessage } from '@sme/store';
import type { FC } from 'hono/jsx';
import { CsrfField, TextArea } from '../forms/fields.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { Bi, beijing, Deadline } from '../shell/text.js';
import type { SupervisionForm } from '../supervision/names.js';
import {
  evidenceText,
  gradeName,
  indicatorScores,
  type MemberYear,
  memberStatus,
} from './evaluation-text.js';
import type { IndicatorSources } from './member-card.js';

export type MyYear = MemberYear & { year: number };

export const COMMENT_LABEL = { zh: '意见', en: 'Comment' };

const INDICATOR = {
  name: { zh: '评价指标', en: 'Indicator' },
  evidence: { zh: '计入的服务记录', en: 'Evidence counted' },
  score: { zh: '得分', en: 'Score', class: 'num' },
} as const satisfies Record<string, Column>;

export function myEvaluationsTable(
  tenant: ResolvedTenant,
  name: string,
  years: readonly MyYear[],
  now: Date,
) {
  return {
    name: `${name}年度评价（${beijing(now).slice(0, 10)}）`,
    title: `${name}年度评价`,
    columns: [
      { header: '年度', width: 8 },
      { header: '状态', width: 10 },
      { header: '各指标得分', width: 50 },
      { header: '计入的服务记录', width: 60 },
      { header: '得分', width: 8 },
      { header: '拟定等次', width: 10 },
      { header: '最终等次', width: 10 },
      { header: '不参评原因', width: 50 },
      { header: '本单位意见', width: 40 },
    ],
    rows: years.map((y) => [
      y.year,
      memberStatus(y).zh,
      indicatorScores(tenant, y.indicators),
      evidenceText(y.evidence).join('；'),
      y.score ?? '',
      gradeName(y.proposedGrade)?.zh ?? '',
      gradeName(y.grade)?.zh ?? '',
      y.excluded?.reason.zh ?? '',
      y.comment?.text ?? '',
    ]),
  } satisfies ExportTable;
}

const Grade: FC<{ grade: string | undefined; none: string }> = ({ grade, none }) => {
  const name = gradeName(grade);
  return name ? <Bi text={name} /> : <span>{none}</span>;
};

export const YearCard: FC<{
  year: MyYear;
  now: Date;
  action: string;
  token: string;
  form: SupervisionForm | undefined;
  sources: IndicatorSources;
}> = ({ year: y, now, action, token, form, sources }) => {
  const until = new Date(y.commentUntil);
  const windowOpen = y.status === 'open' && now < until;
  const id = `y-${y.year}`;
  return (
    <article class="card" aria-labelledby={id}>
      <h3 id={id}>{y.year} 年度</h3>
      <dl class="facts">
        <dt>状态 Status</dt>
        <dd>
          <Bi text={memberStatus(y)} />
        </dd>
        {y.excluded && (
          <>
            <dt>不参评原因 Excluded because</dt>
            <dd>
              {y.excluded.reason.zh}{' '}
              <span class="en" lang="en">
                {y.excluded.reason.en}
              </span>
            </dd>
          </>
        )}
        <dt>得分 Score</dt>
        <dd>{y.score ?? '尚未评分 Not scored yet'}</dd>
        <dt>拟定等次 Proposed grade</dt>
        <dd>
          <Grade grade={y.proposedGrade} none="—" />
        </dd>
        <dt>最终等次 Final grade</dt>
        <dd>
          <Grade grade={y.grade} none="待发布 Not published" />
        </dd>
        <dt>意见反馈截止 Comments until</dt>
        <dd>
          {windowOpen ? <Deadline at={until} now={now} /> : `${formatDeadline(until)}（北京时间）`}
        </dd>
        <dt>本单位意见 Your comment</dt>
        <dd>
          {y.comment ? (
            <>
              <span class="text-block">{y.comment.text}</span>（北京时间 {beijing(y.comment.at)}）
            </>
          ) : (
            '暂无 None'
          )}
        </dd>
      </dl>
      <DataTable columns={Object.values(INDICATOR)}>
        {y.indicators.map((i) => (
          <tr>
            <RowHead>
              <Bi text={i.name} />
              <span class="muted">（{sources.get(i.id)}）</span>
            </RowHead>
            <Cell column={INDICATOR.evidence}>{evidenceText(i.evidence).join('；') || '—'}</Cell>
            <Cell column={INDICATOR.score}>{i.score ?? '—'}</Cell>
          </tr>
        ))}
      </DataTable>
      {/* A refused comment keeps its form (and its text) even once the window has closed. */}
      {(windowOpen || form) && (
        <form method="post" action={action} novalidate>
          <CsrfField token={token} />
          {form?.errors.form && (
            <p class="notice-box bad" role="alert">
              {form.errors.form.zh} <span class="en">{form.errors.form.en}</span>
            </p>
          )}
          <TextArea
            id={`${id}-comment`}
            name="text"
            label={COMMENT_LABEL}
            hint={`可在 ${formatDeadline(until)}（北京时间）前对评价提出意见 Comment before ${formatDeadline(until)} Beijing time`}
            value={form?.values.text}
            error={form?.errors.text}
            maxLength={5000}
            required
          />
          <button type="submit">提交意见 Send comment</button>
        </form>
      )}
    </article>
  );
};

export const Inbox: FC<{ items: readonly InboxMessage[] }> = ({ items }) =>
  items.length === 0 ? (
    <p>
      暂无消息。
      <span class="en" lang="en">
        {' '}
        No reminders.
      </span>
    </p>
  ) : (
    <ul class="timeline">
      {items.map((m) => (
        <li class="timeline-item">
          <p>
            <strong>{m.title.zh}</strong>{' '}
            <span class="en" lang="en">
              {m.title.en}
            </span>
          </p>
          <p>
            {m.body.zh}{' '}
            <span class="en" lang="en">
              {m.body.en}
            </span>
          </p>
          <p class="muted">
            {beijing(m.at)}（北京时间）
            {m.dueAt && ` · 截止 Due ${formatDeadline(new Date(m.dueAt))}（北京时间）`}
          </p>
        </li>
      ))}
    </ul>
  );
