/**
 * `/<t>/admin/supervision`: the bureau's supervision desk. The members of its pool with
 * their status and open orders; a form ordering a member to rectify on a ground of the
 * tenant's rectification rules; the reports awaiting a decision (accept or reject, with
 * a comment); the disqualification proposals in the bureau's tasks, each with a form to
 * disqualify on a ground the rules list; and the open appeals (uphold or dismiss). Each
 * list downloads as CSV and Excel from the rows the page shows (`desk-tables.ts`).
 */
import { disqualificationGrounds } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { CsrfField, Select } from '../forms/fields.js';
import { IdempotencyKeyField } from '../forms/idempotency-key.js';
import { csrfToken } from '../session/csrf.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { Downloads } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { Bi, beijing } from '../shell/text.js';
import { DecisionForm } from './decision-form.js';
import { deskTables, readDesk, supervisor } from './desk.js';
import { GroundFields, Refusal } from './form-parts.js';
import { groundName, type SupervisionForm, tenantGrounds } from './names.js';

/** Where the pages found the bureau's check before it moved to `desk.ts`. */
export { supervisor } from './desk.js';

const MEMBERS = {
  name: { zh: '单位名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', short: '信用代码', en: 'USCC' },
  status: { zh: '状态', en: 'Status' },
  orders: { zh: '未结整改', en: 'Open orders', class: 'num' },
} as const satisfies Record<string, Column>;

export const ORDER_LABELS = {
  uscc: { zh: '服务商', en: 'Member' },
  ground: { zh: '整改事由', en: 'Ground' },
  detail: { zh: '具体情况', en: 'Details' },
};
export const DISQUALIFY_LABELS = {
  ground: { zh: '取消资格事由', en: 'Ground' },
  detail: { zh: '事实与理由', en: 'Facts and reasons' },
};

const None = () => <p>暂无。None.</p>;

export async function supervisionPage(
  c: Context,
  platform: Platform,
  form?: SupervisionForm,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims } = supervisor(c);
  const desk = await readDesk(platform, tenant, claims);
  const { members, reports, appeals, proposals } = desk;
  const tables = deskTables(tenant, desk, platform.clock.now());
  const nameOf = new Map(members.map((m) => [m.uscc, m.name]));
  const token = csrfToken(c);
  const base = `/${tenant.id}/admin/supervision`;
  const order = form?.key === 'order' ? form : undefined;
  const done = c.req.query('done');
  // A refusal of a case that left the desk meanwhile (decided by someone else) has no
  // form left to sit beside: it is said at the top instead.
  const shown = new Set([
    'order',
    ...reports.map((o) => `report-${o.id}`),
    ...appeals.map((a) => `appeal-${a.id}`),
    ...proposals.map((t) => `proposal-${t.taskId}`),
  ]);
  return renderPage(
    c,
    { title: '监督管理', status },
    <>
      <h1>
        监督管理 <span class="en">Supervision</span>
      </h1>
      {done && (
        <div class="notice-box ok" role="status">
          <p>已办理。Done.</p>
        </div>
      )}
      <Refusal error={form && !shown.has(form.key) ? form.errors.form : undefined} />
      <h2>
        资源池成员 <span class="en">Members</span>
      </h2>
      <Downloads href={`${base}/members`} label={tables.members.name} />
      {members.length === 0 && <p>资源池暂无成员。No members.</p>}
      {members.length > 0 && (
        <DataTable columns={Object.values(MEMBERS)} caption={tables.members.title}>
          {members.map((m) => (
            <tr>
              <RowHead>
                <a href={`/${tenant.id}/members/${m.uscc}`}>{m.name}</a>
              </RowHead>
              <Cell column={MEMBERS.uscc}>{m.uscc}</Cell>
              <Cell column={MEMBERS.status}>
                <Bi text={m.statusName} />
              </Cell>
              <Cell column={MEMBERS.orders}>{m.openOrders}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
      <form method="post" action={`${base}/orders`} class="card" id="order-form">
        <CsrfField token={token} />
        <IdempotencyKeyField />
        <h2>
          责令限期整改 <span class="en">Order rectification</span>
        </h2>
        <Refusal error={order?.errors.form} />
        <Select
          id="order-uscc"
          name="uscc"
          label={ORDER_LABELS.uscc}
          placeholder="请选择"
          options={members
            .filter((m) => m.status !== 'removed')
            .map((m) => ({ value: m.uscc, label: `${m.name}（${m.uscc}）` }))}
          value={order?.values.uscc}
          error={order?.errors.uscc}
          required
        />
        <GroundFields
          id="order"
          grounds={tenantGrounds(tenant, 'rectification')}
          labels={ORDER_LABELS}
          form={order}
          max={2000}
        />
        <button type="submit">下达整改通知 Order</button>
      </form>
      <h2>
        待审核的整改报告 <span class="en">Reports awaiting decision</span>
      </h2>
      <Downloads href={`${base}/reports`} label={tables.reports.name} />
      {reports.length === 0 && <None />}
      {reports.map((o) => (
        <article class="card" aria-labelledby={`r-${o.id}`}>
          <h3 id={`r-${o.id}`}>
            {nameOf.get(o.uscc) ?? o.name}：{groundName(tenant, o.ground)}
          </h3>
          <dl class="facts">
            <dt>整改报告 Report</dt>
            <dd>{o.report?.text}</dd>
            <dt>提交时间 Sent</dt>
            <dd>{o.report ? `${beijing(o.report.at)}（北京时间）` : ''}</dd>
          </dl>
          <DecisionForm
            action={`${base}/orders/${o.id}/decision`}
            prefix={`r-${o.id}`}
            token={token}
            form={form?.key === `report-${o.id}` ? form : undefined}
            choices={[
              { value: 'accepted', label: { zh: '整改通过', en: 'Accept' } },
              { value: 'rejected', label: { zh: '整改不通过', en: 'Reject' } },
            ]}
          />
        </article>
      ))}
      <h2>
        取消资格建议 <span class="en">Disqualification proposals</span>
      </h2>
      <Downloads href={`${base}/proposals`} label={tables.proposals.name} />
      {proposals.length === 0 && <None />}
      {proposals.map((t) => {
        const mine = form?.key === `proposal-${t.taskId}` ? form : undefined;
        return (
          <form method="post" action={`${base}/disqualifications`} class="card">
            <CsrfField token={token} />
            <input type="hidden" name="uscc" value={t.applicationId} />
            <input type="hidden" name="task" value={t.taskId} />
            <h3>{nameOf.get(t.applicationId) ?? t.applicationId}</h3>
            <Refusal error={mine?.errors.form} />
            <GroundFields
              id={`p-${t.taskId}`}
              grounds={disqualificationGrounds(tenant, [t.programId])}
              labels={DISQUALIFY_LABELS}
              form={mine}
              ground={t.proposal?.ground}
              max={2000}
            />
            <button type="submit">取消资格 Disqualify</button>
          </form>
        );
      })}
      <h2>
        待处理的申诉 <span class="en">Open appeals</span>
      </h2>
      <Downloads href={`${base}/appeals`} label={tables.appeals.name} />
      {appeals.length === 0 && <None />}
      {appeals.map((a) => (
        <article class="card" aria-labelledby={`a-${a.id}`}>
          <h3 id={`a-${a.id}`}>
            {nameOf.get(a.uscc) ?? a.name ?? a.uscc}：{groundName(tenant, a.ground)}
          </h3>
          <p>{a.detail}</p>
          <DecisionForm
            action={`${base}/appeals/${a.id}/decision`}
            prefix={`a-${a.id}`}
            token={token}
            form={form?.key === `appeal-${a.id}` ? form : undefined}
            choices={[
              { value: 'yes', label: { zh: '申诉成立', en: 'Uphold' } },
              { value: 'no', label: { zh: '申诉不成立', en: 'Dismiss' } },
            ]}
          />
        </article>
      ))}
    </>,
  );
}
