/**
 * `/<t>/members/<uscc>`: a member of the pool. Anyone sees its name, status, listings and
 * latest grade; the member itself and staff in scope (the bureau; a district reviewer of
 * the district it was listed from, without open evaluations) also see its rectification
 * orders (due in Beijing time), disqualifications, complaints, engagements, appeals,
 * evaluations and history. The member reports on an open order until it is due and lodges an appeal
 * against an order, a disqualification, an upheld complaint or a published grade, on a
 * ground of the tenant's appeal rules.
 * Each list downloads as CSV and Excel from the rows the page shows (`member-tables.ts`).
 */
import { formatDeadline, GRADE_NAMES, type ResolvedTenant, rulesFor } from '@sme/core';
import type { Claims, Platform } from '@sme/platform';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { CsrfField, Select, TextArea } from '../forms/fields.js';
import { csrfToken } from '../session/csrf.js';
import { ListedTable } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { GroundFields, Refusal } from './form-parts.js';
import { historyText } from './history-text.js';
import { type FullView, memberLists } from './member-tables.js';
import { groundName, type SupervisionForm } from './names.js';

export const REPORT_LABEL = { zh: '整改报告', en: 'Rectification report' };
export const APPEAL_LABELS = {
  subject: { zh: '申诉事项', en: 'Appealed decision' },
  ground: { zh: '申诉理由', en: 'Ground' },
  detail: { zh: '申诉说明', en: 'Details' },
};

const isMember = (claims: Claims | undefined, uscc: string) =>
  !!claims && claims.org === uscc && claims.roles.includes('provider');

/** The member view and its lists, as the page and the lists' downloads read them. */
export async function memberRecord(c: Context, platform: Platform) {
  const { tenant } = scopeOf(c);
  const claims = c.get('claims') as Claims | undefined;
  const uscc = c.req.param('uscc') ?? '';
  const view = await platform.supervision.memberView.view(tenant, claims, uscc);
  const now = platform.clock.now();
  return { tenant, claims, uscc, view, now, lists: memberLists(tenant, view, now) };
}

export async function memberPage(
  c: Context,
  platform: Platform,
  form?: SupervisionForm,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims, uscc, view, now, lists } = await memberRecord(c, platform);
  const own = isMember(claims, uscc) && claims?.tenant === tenant.id;
  const token = csrfToken(c);
  const done = c.req.query('done');
  const base = `/${tenant.id}/members/${uscc}`;
  const reportable = view.full
    ? view.rectifications.filter((o) => o.status === 'open' && now.getTime() < Date.parse(o.dueAt))
    : [];
  // A report refused because its order fell due or moved on has no form left to sit
  // beside: the refusal is said at the top.
  const orphan =
    form?.key.startsWith('report-') && !reportable.some((o) => form.key === `report-${o.id}`)
      ? form.errors.form
      : undefined;
  // The forms that follow a list: the reports after the orders, the appeal after the appeals.
  const after: Record<string, Child> = {
    orders:
      own &&
      reportable.map((o) => {
        const mine = form?.key === `report-${o.id}` ? form : undefined;
        return (
          <form method="post" action={`${base}/rectifications/${o.id}/report`} class="card">
            <CsrfField token={token} />
            <h3>
              报告整改情况：{groundName(tenant, o.ground)}{' '}
              <span class="en">Report on the order</span>
            </h3>
            <p class="muted">请在 {formatDeadline(new Date(o.dueAt))}（北京时间）前提交。</p>
            <TextArea
              id={`report-${o.id}`}
              name="text"
              label={REPORT_LABEL}
              value={mine?.values.text}
              error={mine?.errors.text ?? mine?.errors.form}
              maxLength={5000}
              required
            />
            <button type="submit">提交整改报告 Send report</button>
          </form>
        );
      }),
    appeals: own && view.full && (
      <AppealForm view={view} base={base} token={token} form={form} tenant={tenant} />
    ),
  };
  return renderPage(
    c,
    { title: view.name, status },
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/pool`}>服务商资源池</a>
          </li>
          <li aria-current="page">{view.name}</li>
        </ol>
      </nav>
      <h1>{view.name}</h1>
      {done && (
        <div class="notice-box ok" role="status">
          <p>
            {done === 'appeal'
              ? '申诉已提交。The appeal is lodged.'
              : '整改报告已提交。The report is sent.'}
          </p>
        </div>
      )}
      <Refusal error={orphan} />
      <dl class="facts">
        <dt>统一社会信用代码 USCC</dt>
        <dd class="uscc">{view.uscc}</dd>
        <dt>状态 Status</dt>
        <dd>
          <span
            class={`tag ${view.status === 'active' ? 'ok' : view.status === 'rectifying' ? 'warn' : 'bad'}`}
          >
            {view.statusName.zh}
          </span>{' '}
          <span class="en" lang="en">
            {view.statusName.en}
          </span>
          {view.suspendedUntil && (
            <p class="muted">
              全省失信惩戒期间暂停，{formatDeadline(new Date(view.suspendedUntil))}
              （北京时间）后自动恢复。
              <span class="en" lang="en">
                {' '}
                Suspended by a province-wide ban; back after{' '}
                {formatDeadline(new Date(view.suspendedUntil))} (Beijing time).
              </span>
            </p>
          )}
        </dd>
        <dt>最近评价等次 Latest grade</dt>
        <dd>
          {view.latestGrade
            ? `${view.latestGrade.year} 年：${view.latestGrade.name.zh}`
            : '暂无 None'}
        </dd>
      </dl>
      {lists.map((list) => (
        <section aria-labelledby={`list-${list.id}`}>
          <h2 id={`list-${list.id}`}>
            {list.heading.zh} <span class="en">{list.heading.en}</span>
          </h2>
          <ListedTable
            table={list.table}
            en={list.en}
            href={`${base}/${list.id}`}
            none={list.none}
          />
          {after[list.id]}
        </section>
      ))}
      {view.full && (
        <>
          <h2>
            记录 <span class="en">History</span>
          </h2>
          <ol class="history">
            {view.history.map((e) => (
              <li>
                {beijing(e.at)}（北京时间） {historyText(tenant, e)}
              </li>
            ))}
          </ol>
        </>
      )}
    </>,
  );
}

function AppealForm(props: {
  view: FullView;
  base: string;
  token: string;
  form: SupervisionForm | undefined;
  tenant: ResolvedTenant;
}) {
  const { view, tenant } = props;
  const mine = props.form?.key === 'appeal' ? props.form : undefined;
  const subjects = [
    ...view.rectifications
      .filter((o) => o.status !== 'annulled')
      .map((o) => ({
        value: `rectification:${o.id}`,
        label: `整改通知：${groundName(tenant, o.ground)}（${beijing(o.createdAt).slice(0, 10)}）`,
      })),
    ...view.disqualifications
      .filter((d) => d.status === 'in_force')
      .map((d) => ({
        value: `disqualification:${d.id}`,
        label: `取消资格：${groundName(tenant, d.ground)}（${beijing(d.createdAt).slice(0, 10)}）`,
      })),
    ...view.complaints
      .filter((c) => c.status === 'upheld')
      .map((c) => ({
        value: `complaint:${c.id}`,
        label: `投诉处理：${groundName(tenant, c.ground)}（${beijing(c.createdAt).slice(0, 10)}）`,
      })),
    ...view.evaluations
      .filter((e) => e.status === 'published' && e.grade)
      .map((e) => ({
        value: `evaluation:${e.id}`,
        label: `${e.year} 年度评价等次：${e.grade ? GRADE_NAMES[e.grade].zh : ''}`,
      })),
  ];
  if (subjects.length === 0) return null;
  const programs = [...new Set(view.listings.map((l) => l.programId))];
  return (
    <form method="post" action={`${props.base}/appeals`} class="card">
      <CsrfField token={props.token} />
      <h3>
        提出申诉 <span class="en">Lodge an appeal</span>
      </h3>
      <Refusal error={mine?.errors.form} />
      <Select
        id="appeal-subject"
        name="subject"
        label={APPEAL_LABELS.subject}
        options={subjects}
        placeholder="请选择"
        value={mine?.values.subject}
        error={mine?.errors.subject}
        required
      />
      <GroundFields
        id="appeal"
        grounds={rulesFor(tenant, 'appeal', programs).flatMap((r) => r.grounds)}
        labels={APPEAL_LABELS}
        form={mine}
        max={5000}
      />
      <button type="submit">提交申诉 Lodge appeal</button>
    </form>
  );
}
