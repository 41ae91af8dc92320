/**
 * `/<t>/admin/notices/<id>/objections`: the objections of a notice (the entry's
 * organization, reason, contact, state), each open one with a decision form (upheld or
 * dismissed, with a comment); a second decision of the same objection is told it was
 * decided already.
 */
import { formatDeadline, type LocalizedText } from '@sme/core';
import { type Platform, programOf } from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, ErrorText, TextArea } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { noticeTitle } from '../publicity/notice-page.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';

const OBJECTION_STATES: Record<string, LocalizedText> = {
  open: { zh: '待核查', en: 'Open' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
  closed: { zh: '已结束', en: 'Closed' },
};

export interface ObjectionDecisionState {
  objectionId: string;
  values: { upheld?: string | undefined; comment: string };
  errors: FieldErrors;
}

export async function objectionsPage(
  c: Context,
  platform: Platform,
  form?: ObjectionDecisionState,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims } = member(c);
  const noticeId = c.req.param('id') ?? '';
  const notice = await platform.publicity.notice(tenant, noticeId);
  const objections = await platform.objections.objections(tenant, claims, noticeId);
  const orgOf = new Map(notice.entries.map((e) => [e.applicationId, e.orgName]));
  const decided = c.req.query('decided');
  return renderPage(
    c,
    { title: '公示异议', status },
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/admin/notices`}>公示管理</a>
          </li>
          <li aria-current="page">异议</li>
        </ol>
      </nav>
      <h1>
        公示异议 <span class="en">Objections</span>
      </h1>
      <p>
        <a href={`/${tenant.id}/notices/${notice.id}`}>
          {noticeTitle(programOf(tenant, notice.programId))}
        </a>
        <span class="muted">，公示期至 {formatDeadline(new Date(notice.endsAt))}（北京时间）</span>
      </p>
      {decided && (
        <div class="notice-box ok" role="status">
          <p>异议已处理。The objection is decided.</p>
        </div>
      )}
      {objections.length === 0 && <p>暂无异议。No objections.</p>}
      {objections.map((o, i) => {
        const mine = form?.objectionId === o.objectionId ? form : undefined;
        const prefix = `o${i}`;
        const state = OBJECTION_STATES[o.state] ?? { zh: o.state, en: o.state };
        return (
          <article class="card" aria-labelledby={`${prefix}-title`}>
            <h2 id={`${prefix}-title`}>
              {orgOf.get(o.applicationId) ?? o.applicationId}{' '}
              <span class={`tag ${o.state === 'open' ? 'warn' : 'closed'}`}>{state.zh}</span>
            </h2>
            <dl class="facts">
              <dt>异议理由 Reason</dt>
              <dd>{o.reason}</dd>
              <dt>联系方式 Contact</dt>
              <dd>{o.contact}</dd>
              <dt>提出时间 Received</dt>
              <dd>{beijing(o.at)}（北京时间）</dd>
              {o.comment && (
                <>
                  <dt>核查意见 Decision</dt>
                  <dd>{o.comment}</dd>
                </>
              )}
            </dl>
            {mine?.errors.form && (
              <p class="notice-box bad" role="alert">
                {mine.errors.form.zh} <span class="en">{mine.errors.form.en}</span>
              </p>
            )}
            {o.state === 'open' && (
              <form
                method="post"
                action={`/${tenant.id}/admin/notices/${notice.id}/objections/${o.objectionId}/decision`}
              >
                <CsrfField token={csrfToken(c)} />
                <fieldset
                  class={mine?.errors.upheld ? 'field invalid' : 'field'}
                  id={`${prefix}-upheld`}
                >
                  <legend>
                    核查结论 <span class="en">Finding</span>
                  </legend>
                  <ErrorText id={`${prefix}-upheld-error`} error={mine?.errors.upheld} />
                  <span>
                    <input
                      type="radio"
                      id={`${prefix}-dismiss`}
                      name="upheld"
                      value="no"
                      checked={mine?.values.upheld === 'no'}
                    />{' '}
                    <label for={`${prefix}-dismiss`}>
                      异议不成立，继续公示 <span class="en">Dismiss</span>
                    </label>
                  </span>
                  <span>
                    <input
                      type="radio"
                      id={`${prefix}-uphold`}
                      name="upheld"
                      value="yes"
                      checked={mine?.values.upheld === 'yes'}
                    />{' '}
                    <label for={`${prefix}-uphold`}>
                      异议成立，不予入库 <span class="en">Uphold: the entry is rejected</span>
                    </label>
                  </span>
                </fieldset>
                <TextArea
                  id={`${prefix}-comment`}
                  name="comment"
                  label={{ zh: '核查意见', en: 'Comment' }}
                  value={mine?.values.comment}
                  error={mine?.errors.comment}
                  maxLength={2000}
                  required
                />
                <button type="submit">提交核查结论 Decide</button>
              </form>
            )}
          </article>
        );
      })}
    </>,
  );
}
