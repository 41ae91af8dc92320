/**
 * `/<t>/admin/complaints` (投诉与抽查, issue 12 items 3 and 9): the bureau's desk for
 * complaints and spot checks. The complaints awaiting resolution (replied, or the
 * provider's time ran out), each with its reply and a form to resolve it, upheld or not,
 * optionally ordering rectification on a ground the tenant lists (one transaction in
 * the platform); every complaint as one list; a form recording a spot check; and the
 * spot checks as a list. Both lists download as CSV or Excel.
 */
import type { Complaint, ResolvedTenant } from '@sme/core';
import type { Claims, Platform } from '@sme/platform';
import type { Context } from 'hono';
import { csrfToken } from '../session/csrf.js';
import { ListedTable } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { supervisor } from '../supervision/admin-page.js';
import type { SupervisionForm } from '../supervision/names.js';
import { tenantGrounds } from '../supervision/names.js';
import { FormProblem, ResolutionForm, SpotCheckForm } from './complaint-forms.js';
import {
  allComplaintsTable,
  complaintGround,
  replyDue,
  spotChecksTable,
  TABLE_EN,
} from './complaint-tables.js';

export const adminPath = (tenant: ResolvedTenant) => `/${tenant.id}/admin/complaints`;
export const spotCheckPath = (tenant: ResolvedTenant) => `/${tenant.id}/admin/spot-checks`;

const AWAITING: ReadonlySet<string> = new Set(['replied', 'reply_overdue']);

const DONE: Record<string, { zh: string; en: string }> = {
  resolved: { zh: '投诉已处理。', en: 'The complaint is resolved.' },
  checked: { zh: '抽查记录已保存。', en: 'The spot check is recorded.' },
};

/** What the desk lists, as the page and the downloads read it. */
export async function deskTables(platform: Platform, tenant: ResolvedTenant, claims: Claims) {
  const { complaintReads, spotChecks } = platform.supervision;
  const [complaints, checks] = await Promise.all([
    complaintReads.all(tenant, claims),
    spotChecks.all(tenant, claims),
  ]);
  const now = platform.clock.now();
  return {
    complaints,
    complaintsTable: allComplaintsTable(tenant, complaints, now),
    spotChecksTable: spotChecksTable(checks, now),
    now,
  };
}

function AwaitingComplaint(props: {
  tenant: ResolvedTenant;
  complaint: Complaint;
  token: string;
  form: SupervisionForm | undefined;
}) {
  const { complaint: c, tenant } = props;
  return (
    <article class="card" aria-labelledby={`c-${c.id}`}>
      <h3 id={`c-${c.id}`}>
        {c.name ?? c.uscc}：{complaintGround(tenant, c)}
      </h3>
      <dl class="facts">
        <dt>投诉企业 Enterprise</dt>
        <dd>统一社会信用代码 {c.enterpriseUscc}</dd>
        <dt>投诉内容 Complaint</dt>
        <dd>{c.detail}</dd>
        <dt>投诉时间 Filed</dt>
        <dd>{beijing(c.createdAt)}（北京时间）</dd>
        <dt>服务商答复 Reply</dt>
        <dd>
          {c.reply
            ? `${c.reply.text}（北京时间 ${beijing(c.reply.at)}）`
            : `逾期未答复（期限 ${replyDue(c)}，北京时间） No reply in time`}
        </dd>
      </dl>
      <ResolutionForm
        action={`${adminPath(tenant)}/${c.id}/resolution`}
        prefix={`c-${c.id}`}
        token={props.token}
        form={props.form}
        grounds={tenantGrounds(tenant, 'rectification')}
      />
    </article>
  );
}

export async function complaintsDesk(
  c: Context,
  platform: Platform,
  form?: SupervisionForm,
  status: 200 | 403 | 409 | 422 = 200,
) {
  const { tenant, claims } = supervisor(c);
  const tables = await deskTables(platform, tenant, claims);
  const awaiting = tables.complaints.filter((x) => AWAITING.has(x.status));
  const pool = await platform.publicityQueries.pool(tenant, {});
  const members = new Map(
    pool.filter((e) => e.tenant === tenant.id).map((e) => [e.uscc, `${e.orgName}（${e.uscc}）`]),
  );
  const token = csrfToken(c);
  // The form only where the tenant's spot-check rules name the caller's role (the
  // platform checks again, per member, when it records).
  const checks = tenant.supervision.rules.some(
    (r) => r.kind === 'spot-check' && claims.roles.includes(r.by),
  );
  const done = DONE[c.req.query('done') ?? ''];
  // A refusal of a complaint that left the desk meanwhile has no form to sit beside.
  const shown = new Set(['spot-check', ...awaiting.map((x) => `resolve-${x.id}`)]);
  const orphan = form && !shown.has(form.key) ? form.errors.form : undefined;
  return renderPage(
    c,
    { title: '投诉与抽查', status },
    <>
      <h1>
        投诉与抽查 <span class="en">Complaints and spot checks</span>
      </h1>
      {done && (
        <div class="notice-box ok" role="status">
          <p>
            {done.zh}{' '}
            <span class="en" lang="en">
              {done.en}
            </span>
          </p>
        </div>
      )}
      <FormProblem error={orphan} />
      <h2>
        待处理的投诉 <span class="en">Complaints awaiting resolution</span>
      </h2>
      {awaiting.length === 0 && <p>暂无待处理的投诉。None awaits resolution.</p>}
      {awaiting.map((x) => (
        <AwaitingComplaint
          tenant={tenant}
          complaint={x}
          token={token}
          form={form?.key === `resolve-${x.id}` ? form : undefined}
        />
      ))}
      <h2>
        全部投诉 <span class="en">All complaints</span>
      </h2>
      <ListedTable
        table={tables.complaintsTable}
        en={TABLE_EN.all}
        href={`${adminPath(tenant)}/download`}
        none={{ zh: '暂无投诉。', en: 'No complaints.' }}
      />
      <h2 id="spot-check">
        记录抽查 <span class="en">Record a spot check</span>
      </h2>
      {!checks && (
        <p>
          本地监管规则未规定由您开展抽查。
          <span class="en" lang="en">
            {' '}
            The tenant's rules do not name you to spot-check.
          </span>
        </p>
      )}
      {checks && (
        <div class="card">
          <SpotCheckForm
            action={spotCheckPath(tenant)}
            prefix="spot"
            token={token}
            form={form?.key === 'spot-check' ? form : undefined}
            members={[...members].map(([value, label]) => ({ value, label }))}
          />
        </div>
      )}
      <h2>
        抽查记录 <span class="en">Spot checks</span>
      </h2>
      <ListedTable
        table={tables.spotChecksTable}
        en={TABLE_EN.spotChecks}
        href={`${spotCheckPath(tenant)}/download`}
        none={{ zh: '暂无抽查记录。', en: 'No spot checks.' }}
      />
    </>,
  );
}
