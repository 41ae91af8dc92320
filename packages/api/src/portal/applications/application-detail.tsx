/**
 * `/<t>/me/applications/<id>`, the page itself: one application of the provider. While
 * it may be edited (a draft in an open call, or returned for correction) the form
 * generated from the call's fields, the documents with their uploads, and submission;
 * afterwards the same, read only. The return reason stands out on a returned
 * application, the closing of the call on a draft left after it; the history is a
 * timeline. The form carries the version it was read at, so an edit made meanwhile
 * elsewhere is never overwritten unseen.
 */
import {
  type Application,
  acceptsApplications,
  fieldsForTrack,
  type LocalizedText,
  type ResolvedTenant,
  type RuleViolation,
  WindowClosedError,
} from '@sme/core';
import { type Platform, programOf } from '@sme/platform';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { IdempotencyKeyField } from '../forms/idempotency-key.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { FormFields } from './application-form.js';
import { DocumentsSection } from './documents-section.js';
import { FieldValues } from './field-values.js';
import { inputId, type Raw, rawOf } from './form-values.js';
import { HistoryTimeline, returnReason } from './history-timeline.js';
import { StatusTag } from './my-applications.pages.js';

const EDITABLE = new Set(['draft', 'returned']);
const WITHDRAWABLE = new Set(['draft', 'submitted', 'in_review', 'returned', 'publicity']);

export interface Message extends LocalizedText {
  tone: 'ok' | 'bad';
}

export interface PageState {
  raw?: Raw;
  errors?: FieldErrors;
  /** Refusals that belong to no field (a rule of the call). */
  others?: RuleViolation[];
  message?: Message;
}

export const MESSAGES: Record<string, Message> = {
  saved: { tone: 'ok', zh: '已保存。', en: 'Saved.' },
  submitted: { tone: 'ok', zh: '申报已提交，请留意审核进度。', en: 'Submitted.' },
  withdrawn: { tone: 'ok', zh: '申报已撤回。', en: 'Withdrawn.' },
};

const anchorOf = (path: string) =>
  path.startsWith('documents.') ? `doc-${path.slice('documents.'.length)}` : inputId(path);

/**
 * The page of one application: `state` carries what a refused post typed, its errors
 * and a message; `status` is the answer's (422 for a refusal, 409 for a conflict).
 */
export async function detailPage(
  c: Context,
  platform: Platform,
  tenant: ResolvedTenant,
  id: string,
  state: PageState = {},
  status: ContentfulStatusCode = 200,
) {
  const { claims } = member(c);
  const [record, history] = await Promise.all([
    platform.queries.get(tenant, claims, id),
    platform.queries.history(tenant, claims, id),
  ]);
  const app: Application = record.application;
  const program = programOf(tenant, app.programId);
  const names = catalogueNames([tenant]);
  const specs = fieldsForTrack(program.fields, app.track);
  // A draft is closed with its call; a returned application is still corrected after it.
  const closed =
    app.status === 'draft' && !acceptsApplications(program.window, platform.clock.now())
      ? new WindowClosedError(program, platform.clock.now()).detail
      : undefined;
  const editable = EDITABLE.has(app.status) && !closed;
  const errors = state.errors ?? {};
  const reason = app.status === 'returned' ? returnReason(history) : undefined;
  const summary = [
    ...Object.entries(errors).flatMap(([path, m]) => (m ? [{ path, message: m }] : [])),
    ...(state.others ?? []).map((v) => ({ path: '', message: v.message })),
  ];
  const base = `/${tenant.id}/me/applications/${app.id}`;
  return renderPage(
    c,
    { title: program.title.zh, status, scripts: editable ? ['upload'] : [] },
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/me/applications`}>我的申报</a>
          </li>
          <li aria-current="page">{program.title.zh}</li>
        </ol>
      </nav>
      <h1>
        {program.title.zh}
        <br />
        <span class="en" lang="en">
          {program.title.en}
        </span>
      </h1>
      {state.message && (
        <div
          class={`notice-box ${state.message.tone}`}
          role={state.message.tone === 'bad' ? 'alert' : 'status'}
        >
          <p>
            {state.message.zh}{' '}
            <span class="en" lang="en">
              {state.message.en}
            </span>
          </p>
        </div>
      )}
      {closed && (
        <div class="notice-box bad" role="note" id="window-closed">
          <p>
            {closed.zh}，本申报不能再修改或提交。
            <span class="en" lang="en">
              {' '}
              {closed.en}; this draft can no longer be changed or submitted.
            </span>
          </p>
        </div>
      )}
      {reason && (
        <div class="notice-box bad return-reason" role="note">
          <p>
            <strong>退回修改原因 Returned for correction：</strong>
          </p>
          <p>{reason.zh}</p>
          {reason.en && (
            <p class="en" lang="en">
              {reason.en}
            </p>
          )}
          <p>请按意见修改后重新提交。Correct it and submit again.</p>
        </div>
      )}
      <dl class="facts">
        <dt>申报单位 Organization</dt>
        <dd>{app.org.name}</dd>
        <dt>状态 Status</dt>
        <dd>
          <StatusTag status={app.status} program={program} />
        </dd>
        {app.track && (
          <>
            <dt>申报类型 Track</dt>
            <dd>{nameOf(names.tracks, app.track)}</dd>
          </>
        )}
        {app.category && (
          <>
            <dt>类别 Category</dt>
            <dd>{nameOf(names.categories, app.category)}</dd>
          </>
        )}
        {app.industries.length > 0 && (
          <>
            <dt>细分行业 Industries</dt>
            <dd>{app.industries.map((i) => nameOf(names.industries, i)).join('、')}</dd>
          </>
        )}
        <dt>最近更新 Updated</dt>
        <dd>{beijing(app.updatedAt)}（北京时间）</dd>
        {app.submittedAt && (
          <>
            <dt>提交时间 Submitted</dt>
            <dd>{beijing(app.submittedAt)}（北京时间）</dd>
          </>
        )}
      </dl>
      {summary.length > 0 && (
        <div class="notice-box bad" role="alert" id="error-summary">
          <p>
            <strong>请修改以下内容 Please correct the following:</strong>
          </p>
          <ul>
            {summary.map(({ path, message }) => (
              <li>{path ? <a href={`#${anchorOf(path)}`}>{message.zh}</a> : message.zh}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>
        申报内容 <span class="en">Application form</span>
      </h2>
      {editable ? (
        <form method="post" action={base} id="application-form" novalidate>
          <CsrfField token={csrfToken(c)} />
          <input type="hidden" name="version" value={String(app.version)} />
          <IdempotencyKeyField />
          <FormFields specs={specs} raw={state.raw ?? rawOf(specs, app.fields)} errors={errors} />
          <button type="submit" name="action" value="save">
            保存草稿 <span class="en">Save</span>
          </button>
        </form>
      ) : (
        <FieldValues program={program} track={app.track} values={app.fields} />
      )}
      <DocumentsSection
        tenantId={tenant.id}
        app={app}
        program={program}
        documents={record.documents}
        editable={editable}
        csrf={csrfToken(c)}
        errors={errors}
      />
      {editable && (
        <section aria-labelledby="submit-heading">
          <h2 id="submit-heading">
            提交 <span class="en">Submit</span>
          </h2>
          <p>
            提交前将保存上方填写的内容；提交后不可修改，除非被退回修改。
            <span class="en" lang="en">
              Submitting saves the form first; after that it cannot be changed unless returned.
            </span>
          </p>
          <button type="submit" form="application-form" name="action" value="submit">
            {app.status === 'returned' ? '重新提交申报' : '提交申报'}{' '}
            <span class="en">{app.status === 'returned' ? 'Submit again' : 'Submit'}</span>
          </button>
        </section>
      )}
      {WITHDRAWABLE.has(app.status) && (
        <p>
          <a href={`${base}/withdraw`}>撤回申报 Withdraw</a>
        </p>
      )}
      <HistoryTimeline events={history} program={program} />
    </>,
  );
}
