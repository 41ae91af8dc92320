/**
 * `/<t>/admin/evaluations/<year>`: a year's evaluation as the bureau runs it. Every
 * member with its indicators, evidence, scores, proposed and final grade and exclusion
 * (`member-card.tsx`); the list downloads as CSV and Excel from the same rows; while the
 * year is open, the bureau's scoring forms and the publication, which the platform
 * refuses before the members' comment window ends (the refusal says until when, in
 * Beijing time).
 */
import { formatDeadline } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { CsrfField } from '../forms/fields.js';
import { csrfToken } from '../session/csrf.js';
import { ListedTable } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { Bi, beijing, Deadline } from '../shell/text.js';
import type { SupervisionForm } from '../supervision/names.js';
import { runsEvaluation, staff } from './evaluation-access.js';
import { YEAR_STATUS, YEAR_TABLE_EN, yearTable } from './evaluation-text.js';
import { indicatorSources, MemberCard } from './member-card.js';

const DONE: Record<string, string> = {
  opened: '年度评价已开展。The evaluation is open.',
  scored: '评分已保存。The scores are saved.',
  published: '评价结果已发布。The grades are published.',
};

/** The year of the path, or NaN for a path that names none (a 404 page). */
export const yearOf = (c: Context) => {
  const text = c.req.param('year') ?? '';
  return /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
};

/** The year as staff read it, with its download table. */
export async function yearData(c: Context, platform: Platform, year: number) {
  const { tenant, claims } = staff(c);
  const view = await platform.supervision.evaluations.view(tenant, claims, year);
  const now = platform.clock.now();
  return { tenant, claims, view, now, table: yearTable(tenant, view, now) };
}

export async function yearPage(
  c: Context,
  platform: Platform,
  year: number,
  form?: SupervisionForm,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims, view, now, table } = await yearData(c, platform, year);
  const { evaluation, members } = view;
  const base = `/${tenant.id}/admin/evaluations/${year}`;
  const token = csrfToken(c);
  const open = evaluation.status === 'open';
  const runs = runsEvaluation(claims, tenant);
  const until = new Date(evaluation.commentUntil);
  const done = DONE[c.req.query('done') ?? ''];
  const publish = form?.key === 'publish' ? form : undefined;
  const sources = indicatorSources(tenant);
  const refused = form && members.find((m) => form.key === `score-${m.uscc}`);
  const scoring = refused && form && { ...refused, errors: form.errors };
  const scorable = (row: (typeof members)[number]) =>
    open && runs && row.status === 'open' && !row.excluded;
  return renderPage(
    c,
    { title: `${year} 年度评价`, status, scripts: ['countdown'] },
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/admin/evaluations`}>年度评价</a>
          </li>
          <li aria-current="page">{year} 年度</li>
        </ol>
      </nav>
      <h1>
        {year} 年度评价 <span class="en">Evaluation of {year}</span>
      </h1>
      {done && (
        <div class="notice-box ok" role="status">
          <p>{done}</p>
        </div>
      )}
      {scoring && (
        // The refused sheet sits far down the page: said here too, linking to it.
        <p class="notice-box bad" role="alert">
          评分未保存，请修改后重新提交：
          <a href={`#m-${scoring.uscc}`}>{scoring.name}</a>
          <span class="en" lang="en">
            {' '}
            The scores were not saved; see the member's sheet.
          </span>
          {/* A sheet refused because the year moved on has no form left to say why. */}
          {!scorable(scoring) && scoring.errors.form && (
            <>
              <br />
              {scoring.errors.form.zh}{' '}
              <span class="en" lang="en">
                {scoring.errors.form.en}
              </span>
            </>
          )}
        </p>
      )}
      <dl class="facts">
        <dt>状态 Status</dt>
        <dd>
          <Bi text={YEAR_STATUS[evaluation.status] ?? { zh: '', en: evaluation.status }} />
        </dd>
        <dt>评价对象 Members</dt>
        <dd>{members.length}</dd>
        <dt>意见反馈截止 Comments until</dt>
        <dd>{open ? <Deadline at={until} now={now} /> : `${formatDeadline(until)}（北京时间）`}</dd>
        {evaluation.publishedAt && (
          <>
            <dt>发布时间 Published</dt>
            <dd>{beijing(evaluation.publishedAt)}（北京时间）</dd>
          </>
        )}
      </dl>
      <h2>
        评价名单 <span class="en">Members</span>
      </h2>
      <ListedTable
        table={table}
        en={YEAR_TABLE_EN}
        href={`${base}/download`}
        none={{ zh: '本年度无评价对象。', en: 'No member is evaluated this year.' }}
      />
      {open && runs && (
        <form method="post" action={`${base}/publish`} class="card">
          <CsrfField token={token} />
          <h2>
            发布评价结果 <span class="en">Publish the grades</span>
          </h2>
          <p class="hint">
            服务商意见反馈期结束、每家参评服务商的各项指标均已评分后方可发布；发布后等次公开，不可再评分。
            <span class="en" lang="en">
              {' '}
              Publish once the comment window has ended and every member evaluated is scored; grades
              are then public and scores locked.
            </span>
          </p>
          {publish?.errors.form && (
            <p class="notice-box bad" role="alert">
              {publish.errors.form.zh} <span class="en">{publish.errors.form.en}</span>
            </p>
          )}
          <button type="submit">发布 Publish</button>
        </form>
      )}
      <h2>
        逐家评价 <span class="en">Member by member</span>
      </h2>
      {members.map((row) => (
        <MemberCard
          row={row}
          action={scorable(row) ? `${base}/members/${row.uscc}/scores` : undefined}
          token={token}
          form={form?.key === `score-${row.uscc}` ? form : undefined}
          own={row.sheets.find((s) => s.by === claims.sub)?.scores}
          sources={sources}
        />
      ))}
    </>,
  );
}
