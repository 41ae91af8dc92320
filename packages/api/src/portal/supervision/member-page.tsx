/**
 * `/<t>/members/<uscc>`: a member of the pool. Anyone sees its name, status, listings and
 * latest grade; the member itself and the bureau also see its rectification orders (due
 * in Beijing time), disqualifications, appeals and history. The member reports on an open
 * order until it is due and lodges an appeal against an order or a disqualification, on
 * a ground of the tenant's appeal rules.
 */
import { formatDeadline, rulesFor } from '@sme/core';
import type { Claims, Platform } from '@sme/platform';
import type { Context } from 'hono';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { CsrfField, Select, TextArea } from '../forms/fields.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { csrfToken } from '../session/csrf.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { renderPage } from '../shell/page.js';
import { Bi, beijing } from '../shell/text.js';
import { historyText } from './history-text.js';
import { caseStatus, groundName, groundOption, type SupervisionForm } from './names.js';

const LISTING = {
  program: { zh: '入库类别', en: 'Program' },
  region: { zh: '所在区市', en: 'District' },
  listed: { zh: '入库时间', en: 'Listed' },
} as const satisfies Record<string, Column>;

const ORDER = {
  ground: { zh: '整改事由', en: 'Ground' },
  due: { zh: '整改期限（北京时间）', short: '整改期限', en: 'Due (Beijing time)' },
  status: { zh: '状态', en: 'Status' },
} as const satisfies Record<string, Column>;

export const REPORT_LABEL = { zh: '整改报告', en: 'Rectification report' };
export const APPEAL_LABELS = {
  subject: { zh: '申诉事项', en: 'Appealed decision' },
  ground: { zh: '申诉理由', en: 'Ground' },
  detail: { zh: '申诉说明', en: 'Details' },
};

const isMember = (claims: Claims | undefined, uscc: string) =>
  !!claims && claims.org === uscc && claims.roles.includes('provider');

export async function memberPage(
  c: Context,
  platform: Platform,
  form?: SupervisionForm,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant } = scopeOf(c);
  const claims = c.get('claims') as Claims | undefined;
  const uscc = c.req.param('uscc') ?? '';
  const view = await platform.supervision.memberView.view(tenant, claims, uscc);
  const names = catalogueNames([tenant]);
  const own = isMember(claims, uscc) && claims?.tenant === tenant.id;
  const now = platform.clock.now();
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
      {orphan && (
        <p class="notice-box bad" role="alert">
          {orphan.zh} <span class="en">{orphan.en}</span>
        </p>
      )}
      <dl class="facts">
        <dt>统一社会信用代码 USCC</dt>
        <dd>{view.uscc}</dd>
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
        </dd>
        <dt>最近评价等次 Latest grade</dt>
        <dd>
          {view.latestGrade
            ? `${view.latestGrade.year} 年：${view.latestGrade.name.zh}`
            : '暂无 None'}
        </dd>
      </dl>
      <h2>
        入库信息 <span class="en">Listings</span>
      </h2>
      <DataTable columns={Object.values(LISTING)}>
        {view.listings.map((l) => (
          <tr>
            <RowHead>
              {tenant.programs.find((p) => p.id === l.programId)?.title.zh ?? l.programId}
            </RowHead>
            <Cell column={LISTING.region}>{nameOf(names.regions, l.region)}</Cell>
            <Cell column={LISTING.listed}>{beijing(l.listedAt).slice(0, 10)}</Cell>
          </tr>
        ))}
      </DataTable>
      {view.full && (
        <>
          <h2>
            整改通知 <span class="en">Rectification orders</span>
          </h2>
          {view.rectifications.length === 0 && <p>暂无整改通知。No orders.</p>}
          {view.rectifications.length > 0 && (
            <DataTable columns={Object.values(ORDER)}>
              {view.rectifications.map((o) => (
                <tr>
                  <RowHead>
                    {groundName(tenant, o.ground)}
                    <br />
                    <span class="muted">{o.detail}</span>
                  </RowHead>
                  <Cell column={ORDER.due}>{formatDeadline(new Date(o.dueAt))}</Cell>
                  <Cell column={ORDER.status}>
                    <Bi text={caseStatus(o.status)} />
                  </Cell>
                </tr>
              ))}
            </DataTable>
          )}
          {own &&
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
            })}
          <h2>
            取消资格 <span class="en">Disqualifications</span>
          </h2>
          {view.disqualifications.length === 0 && <p>无。None.</p>}
          <ul>
            {view.disqualifications.map((d) => (
              <li>
                {groundName(tenant, d.ground)}：{d.detail}（{beijing(d.createdAt)}，
                {caseStatus(d.status).zh}
                {d.ban && `；禁入至 ${formatDeadline(new Date(d.ban.until))}`}）
              </li>
            ))}
          </ul>
          <h2>
            申诉 <span class="en">Appeals</span>
          </h2>
          {view.appeals.length === 0 && <p>无申诉。No appeals.</p>}
          <ul>
            {view.appeals.map((a) => (
              <li>
                {groundName(tenant, a.ground)}：{a.detail}（{caseStatus(a.status).zh}
                {a.decision && `：${a.decision.comment}`}）
              </li>
            ))}
          </ul>
          {own && <AppealForm view={view} base={base} token={token} form={form} tenant={tenant} />}
          <h2>
            记录 <span class="en">History</span>
          </h2>
          <ol class="history">
            {view.history.map((e) => (
              <li>
                {beijing(e.at)} {historyText(tenant, e)}
              </li>
            ))}
          </ol>
        </>
      )}
    </>,
  );
}

type FullView = Extract<
  Awaited<ReturnType<Platform['supervision']['memberView']['view']>>,
  { full: true }
>;

function AppealForm(props: {
  view: FullView;
  base: string;
  token: string;
  form: SupervisionForm | undefined;
  tenant: Parameters<typeof rulesFor>[0];
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
  ];
  if (subjects.length === 0) return null;
  const programs = [...new Set(view.listings.map((l) => l.programId))];
  const grounds = rulesFor(tenant, 'appeal', programs).flatMap((r) => r.grounds);
  return (
    <form method="post" action={`${props.base}/appeals`} class="card">
      <CsrfField token={props.token} />
      <h3>
        提出申诉 <span class="en">Lodge an appeal</span>
      </h3>
      {mine?.errors.form && (
        <p class="notice-box bad" role="alert">
          {mine.errors.form.zh} <span class="en">{mine.errors.form.en}</span>
        </p>
      )}
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
      <Select
        id="appeal-ground"
        name="ground"
        label={APPEAL_LABELS.ground}
        options={grounds.map(groundOption)}
        placeholder="请选择"
        value={mine?.values.ground}
        error={mine?.errors.ground}
        required
      />
      <TextArea
        id="appeal-detail"
        name="detail"
        label={APPEAL_LABELS.detail}
        value={mine?.values.detail}
        error={mine?.errors.detail}
        maxLength={5000}
        required
      />
      <button type="submit">提交申诉 Lodge appeal</button>
    </form>
  );
}
