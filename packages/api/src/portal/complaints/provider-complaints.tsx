/**
 * `/<t>/me/complaints` (投诉处理, issue 12 item 3): the complaints about the signed-in
 * provider. Each one still open shows its reply deadline in Beijing time (24:00 as
 * notices write it) and a reply form; a reply after the deadline is refused with the
 * deadline said in Chinese and English. All its complaints, with the bureau's
 * resolution, as one list that downloads as CSV or Excel.
 */
import type { Complaint, ResolvedTenant } from '@sme/core';
import type { Claims, Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { csrfToken } from '../session/csrf.js';
import { ListedTable, listDownload } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { Bi, beijing, Deadline } from '../shell/text.js';
import { postedText, type SupervisionForm, textError } from '../supervision/names.js';
import { FormProblem, REPLY_LABEL, ReplyForm } from './complaint-forms.js';
import { complaintGround, providerComplaintsTable, TABLE_EN } from './complaint-tables.js';
import { attempt } from './refusals.js';

const path = (tenant: ResolvedTenant) => `/${tenant.id}/me/complaints`;

async function complaintsOf(platform: Platform, tenant: ResolvedTenant, claims: Claims) {
  const complaints = await platform.supervision.complaintReads.ofProvider(tenant, claims);
  const now = platform.clock.now();
  return { complaints, now, table: providerComplaintsTable(tenant, complaints, now) };
}

function OpenComplaint(props: {
  tenant: ResolvedTenant;
  complaint: Complaint;
  now: Date;
  token: string;
  form: SupervisionForm | undefined;
}) {
  const { complaint: c, now } = props;
  const due = new Date(c.replyDueAt);
  return (
    <article class="card" aria-labelledby={`c-${c.id}`}>
      <h3 id={`c-${c.id}`}>{complaintGround(props.tenant, c)}</h3>
      <dl class="facts">
        <dt>投诉企业 Enterprise</dt>
        <dd>统一社会信用代码 {c.enterpriseUscc}</dd>
        <dt>投诉内容 Complaint</dt>
        <dd>{c.detail}</dd>
        <dt>投诉时间 Filed</dt>
        <dd>{beijing(c.createdAt)}（北京时间）</dd>
        <dt>答复期限 Reply by</dt>
        <dd>
          <Deadline at={due} now={now} />
        </dd>
      </dl>
      {now < due ? (
        <ReplyForm
          action={`${path(props.tenant)}/${c.id}/reply`}
          prefix={`c-${c.id}`}
          token={props.token}
          form={props.form}
        />
      ) : (
        <p class="notice-box bad">
          答复期限已过，不能再答复。
          <span class="en" lang="en">
            {' '}
            The time to reply has passed.
          </span>
        </p>
      )}
    </article>
  );
}

async function complaintsPage(
  c: Context,
  platform: Platform,
  form?: SupervisionForm,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims } = member(c);
  const { complaints, now, table } = await complaintsOf(platform, tenant, claims);
  const open = complaints.filter((x) => x.status === 'open');
  // A refused reply whose complaint left the open ones (its time ran out) has no form
  // left to hold it: the refusal is said at the top, with the text as typed.
  const orphan = form && !open.some((x) => `reply-${x.id}` === form.key) ? form : undefined;
  return renderPage(
    c,
    { title: '投诉处理', status, scripts: ['countdown'] },
    <>
      <h1>
        投诉处理 <span class="en">Complaints about us</span>
      </h1>
      {c.req.query('done') === 'replied' && (
        <div class="notice-box ok" role="status">
          <p>
            答复已提交，主管部门将据此处理。
            <span class="en" lang="en">
              {' '}
              The reply is sent; the bureau resolves the complaint next.
            </span>
          </p>
        </div>
      )}
      {orphan && (
        <div>
          <FormProblem error={orphan.errors.form ?? orphan.errors.text} />
          {orphan.values.text && (
            <p class="muted">您填写的答复 Your reply as typed：{orphan.values.text}</p>
          )}
        </div>
      )}
      <h2>
        待答复 <span class="en">Awaiting your reply</span>
      </h2>
      {open.length === 0 && <p>暂无待答复的投诉。No complaint awaits a reply.</p>}
      {open.map((x) => (
        <OpenComplaint
          tenant={tenant}
          complaint={x}
          now={now}
          token={csrfToken(c)}
          form={form?.key === `reply-${x.id}` ? form : undefined}
        />
      ))}
      <h2>
        全部投诉 <span class="en">All complaints</span>
      </h2>
      <ListedTable
        table={table}
        en={TABLE_EN.provider}
        href={`${path(tenant)}/download`}
        none={{ zh: '暂无投诉。', en: 'No complaints.' }}
      />
      {complaints.some((x) => x.status === 'upheld') && (
        <p class="muted">
          对处理结果有异议的，可在单位页面提出申诉。
          <span class="en" lang="en">
            {' '}
            To contest a resolution, appeal from your member page.
          </span>{' '}
          <a href={`/${tenant.id}/members/${claims.org}`}>
            <Bi text={{ zh: '单位页面', en: 'Member page' }} />
          </a>
        </p>
      )}
    </>,
  );
}

export function providerComplaintPages(platform: Platform) {
  const { complaints } = platform.supervision;
  return new Hono()
    .get('/:t/me/complaints', (c) => complaintsPage(c, platform))
    .get('/:t/me/complaints/download', async (c) => {
      const { tenant, claims } = member(c);
      const { table, now } = await complaintsOf(platform, tenant, claims);
      return listDownload(c, table, now);
    })
    .post('/:t/me/complaints/:id/reply', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const values = postedText(await c.req.parseBody(), ['text']);
      const errors: FieldErrors = {};
      const wrong = textError(values.text ?? '', REPLY_LABEL, 5000);
      if (wrong) errors.text = wrong;
      const form = { key: `reply-${id}`, values, errors };
      if (wrong) return complaintsPage(c, platform, form, 422);
      const refused = await attempt(form, () =>
        complaints.reply(tenant, claims, id, { text: (values.text ?? '').trim() }),
      );
      if (refused)
        return complaintsPage(c, platform, refused.form, refused.status === 422 ? 422 : 409);
      return c.redirect(`${path(tenant)}?done=replied#main`, 303);
    });
}
