/**
 * `/<t>/me/applications/<id>`: one application of the provider. While it may be edited
 * (a draft, or returned for correction) the form generated from the call's fields, the
 * documents with their uploads, and submission; afterwards the same, read only. The
 * return reason stands out on a returned application; the history is a timeline.
 * Saving carries the version the form was read at, so an edit made meanwhile elsewhere
 * is never overwritten unseen. Two small JSON endpoints serve the upload script.
 */
import { randomUUID } from 'node:crypto';
import {
  type Application,
  acceptsApplications,
  DomainError,
  FieldsInvalidError,
  fieldsForTrack,
  IncompleteError,
  type LocalizedText,
  type ResolvedTenant,
  type RuleViolation,
  statusName,
  VersionConflictError,
  WindowClosedError,
} from '@sme/core';
import { type Platform, programOf } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { UploadBody } from '../../applications/application.schemas.js';
import { member } from '../../middleware/tenant-scope/index.js';
import { STATUS_OF_KIND } from '../../problem/problem-details.js';
import { CsrfField, TextArea } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { FormFields } from './application-form.js';
import { DocumentsSection } from './documents-section.js';
import { FieldValues } from './field-values.js';
import { changeList, fieldsOf, first, inputId, type Raw, rawOf } from './form-values.js';
import { HistoryTimeline, returnReason } from './history-timeline.js';
import { StatusTag } from './my-applications.pages.js';

const EDITABLE = new Set(['draft', 'returned']);
const WITHDRAWABLE = new Set(['draft', 'submitted', 'in_review', 'returned', 'publicity']);

interface Message extends LocalizedText {
  tone: 'ok' | 'bad';
}

interface PageState {
  raw?: Raw;
  errors?: FieldErrors;
  /** Refusals that belong to no field (a rule of the call). */
  others?: RuleViolation[];
  message?: Message;
}

const MESSAGES: Record<string, Message> = {
  saved: { tone: 'ok', zh: '已保存。', en: 'Saved.' },
  submitted: { tone: 'ok', zh: '申报已提交，请留意审核进度。', en: 'Submitted.' },
  withdrawn: { tone: 'ok', zh: '申报已撤回。', en: 'Withdrawn.' },
};

/** Where a violation is shown: the input of its path, or the document's card. */
function errorsOf(violations: readonly RuleViolation[]) {
  const errors: FieldErrors = {};
  const others: RuleViolation[] = [];
  for (const v of violations) {
    if (v.path.startsWith('fields.') || v.path.startsWith('documents.'))
      errors[v.path] ??= v.message;
    else others.push(v);
  }
  return { errors, others };
}

const anchorOf = (path: string) =>
  path.startsWith('documents.') ? `doc-${path.slice('documents.'.length)}` : inputId(path);

async function detailPage(
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
          <StatusTag status={app.status} />
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
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
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

/** The posted form as typed, every value a list (a multiselect posts many). */
async function readRaw(c: Context): Promise<Raw> {
  const body = await c.req.parseBody({ all: true });
  const raw: Raw = {};
  for (const [key, value] of Object.entries(body)) {
    raw[key] = ([] as unknown[]).concat(value).filter((v): v is string => typeof v === 'string');
  }
  return raw;
}

/** A refusal as the upload script reads it. */
function jsonRefusal(c: Context, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  return c.json({ code: error.code, message: error.detail }, STATUS_OF_KIND[error.kind] as 400);
}

export function applicationPages(platform: Platform) {
  const { applications, submission, documents, queries } = platform;
  return new Hono()
    .get('/:t/me/applications/:id', (c) => {
      const { tenant } = member(c);
      const done = Object.keys(MESSAGES).find((k) => c.req.query(k) === '1');
      return detailPage(c, platform, tenant, c.req.param('id'), {
        ...(done && { message: MESSAGES[done] }),
      });
    })
    .post('/:t/me/applications/:id', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const raw = await readRaw(c);
      const action = first(raw, 'action') || 'save';
      const { application: app } = await queries.get(tenant, claims, id);
      const specs = fieldsForTrack(programOf(tenant, app.programId).fields, app.track);
      if (action.startsWith('add:') || action.startsWith('remove:')) {
        const changed = changeList(specs, raw, action);
        return detailPage(c, platform, tenant, id, { raw: changed });
      }
      const version = Number.parseInt(first(raw, 'version'), 10);
      try {
        await applications.patch(
          tenant,
          claims,
          id,
          { fields: fieldsOf(specs, raw) },
          Number.isFinite(version) ? version : undefined,
        );
      } catch (error) {
        // The page itself says the call has closed, and no longer offers the form.
        if (error instanceof WindowClosedError) return detailPage(c, platform, tenant, id, {}, 409);
        if (error instanceof FieldsInvalidError)
          return detailPage(c, platform, tenant, id, { raw, ...errorsOf(error.violations) }, 422);
        if (error instanceof VersionConflictError) {
          const message: Message = {
            tone: 'bad',
            zh: '保存未成功：申报已在别处被修改（例如另一个窗口或上传了材料）。下方保留了您填写的内容，请核对后再次保存。',
            en: 'Not saved: the application changed meanwhile. What you typed is kept below; check it and save again.',
          };
          return detailPage(c, platform, tenant, id, { raw, message }, 409);
        }
        if (error instanceof DomainError && error.kind === 'conflict') {
          return detailPage(
            c,
            platform,
            tenant,
            id,
            { raw, message: { tone: 'bad', ...error.detail } },
            409,
          );
        }
        throw error;
      }
      if (action !== 'submit')
        return c.redirect(`/${tenant.id}/me/applications/${id}?saved=1#main`, 303);
      try {
        await submission.submit(tenant, claims, id, first(raw, 'idempotencyKey') || undefined);
      } catch (error) {
        if (error instanceof WindowClosedError) return detailPage(c, platform, tenant, id, {}, 409);
        if (error instanceof IncompleteError) {
          const message: Message = { tone: 'bad', ...error.detail };
          return detailPage(
            c,
            platform,
            tenant,
            id,
            { raw, message, ...errorsOf(error.violations) },
            422,
          );
        }
        if (
          error instanceof DomainError &&
          (error.kind === 'conflict' || error.kind === 'invalid')
        ) {
          return detailPage(
            c,
            platform,
            tenant,
            id,
            { raw, message: { tone: 'bad', ...error.detail } },
            409,
          );
        }
        throw error;
      }
      return c.redirect(`/${tenant.id}/me/applications/${id}?submitted=1#main`, 303);
    })
    .get('/:t/me/applications/:id/withdraw', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const { application: app } = await queries.get(tenant, claims, id);
      return withdrawPage(c, tenant, app, {});
    })
    .post('/:t/me/applications/:id/withdraw', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const posted = await c.req.parseBody();
      const reason = String(posted.reason ?? '').trim();
      if (reason.length > 500) {
        const { application: app } = await queries.get(tenant, claims, id);
        const error = { zh: '「撤回原因」最多 500 个字', en: 'Reason: at most 500 characters' };
        return withdrawPage(c, tenant, app, { reason, error }, 422);
      }
      await applications.withdraw(
        tenant,
        claims,
        id,
        reason ? `${reason} / withdrawn by the applicant` : undefined,
      );
      return c.redirect(`/${tenant.id}/me/applications/${id}?withdrawn=1#main`, 303);
    })
    .post('/:t/me/applications/:id/documents', async (c) => {
      const { tenant, claims } = member(c);
      const parsed = UploadBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success)
        return c.json(
          {
            code: 'validation_failed',
            message: { zh: '上传请求无效', en: 'Not a valid upload request' },
          },
          422,
        );
      try {
        return c.json(
          await documents.requestUpload(tenant, claims, c.req.param('id'), parsed.data),
          201,
        );
      } catch (error) {
        return jsonRefusal(c, error);
      }
    })
    .post('/:t/me/applications/:id/documents/:documentId/complete', async (c) => {
      const { tenant, claims } = member(c);
      try {
        return c.json(
          await documents.complete(tenant, claims, c.req.param('id'), c.req.param('documentId')),
          200,
        );
      } catch (error) {
        return jsonRefusal(c, error);
      }
    });
}

function withdrawPage(
  c: Context,
  tenant: ResolvedTenant,
  app: Application,
  form: { reason?: string; error?: LocalizedText },
  status: 200 | 422 = 200,
) {
  const base = `/${tenant.id}/me/applications/${app.id}`;
  return renderPage(
    c,
    { title: '撤回申报', status },
    <>
      <h1>
        撤回申报 <span class="en">Withdraw the application</span>
      </h1>
      <div class="notice-box bad">
        <p>
          撤回后该申报不再参加本次遴选，且不能恢复。当前状态：{statusName(app.status).zh}。
          <span class="en" lang="en">
            A withdrawn application leaves this call for good.
          </span>
        </p>
      </div>
      <form method="post" action={`${base}/withdraw`}>
        <CsrfField token={csrfToken(c)} />
        <TextArea
          id="reason"
          label={{ zh: '撤回原因', en: 'Reason' }}
          hint="可选，最多 500 个字 Optional, at most 500 characters"
          value={form.reason}
          error={form.error}
        />
        <button type="submit" class="danger">
          确认撤回 <span class="en">Withdraw</span>
        </button>{' '}
        <a href={base}>返回 Back</a>
      </form>
    </>,
  );
}
