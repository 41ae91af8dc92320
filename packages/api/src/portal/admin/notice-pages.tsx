/**
 * The city admin's side of publicity: `/<t>/admin/notices` (the notices with their open
 * objections), `/<t>/admin/notices/new?program=<p>` (choose the applications that passed
 * the panel and wait at publicity, publish; after the redirect the computed end in
 * Beijing time and the public notice's link). The objections are `objections-page.tsx`.
 */
import { type DomainError, formatDeadline, type ResolvedTenant } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, ErrorSummary, ErrorText } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { NoticesTable } from '../publicity/notices-table.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';

const publicityPrograms = (tenant: ResolvedTenant) =>
  tenant.programs.filter((p) => p.stages.some((s) => s.kind === 'publicity'));

export async function noticesIndexPage(c: Context, platform: Platform) {
  const { tenant, claims } = member(c);
  const notices = await platform.publicityQueries.notices(tenant);
  const open = await Promise.all(
    notices.map(
      async (n) =>
        (await platform.objections.objections(tenant, claims, n.id)).filter(
          (o) => o.state === 'open',
        ).length,
    ),
  );
  return renderPage(
    c,
    { title: '公示管理' },
    <>
      <h1>
        公示管理 <span class="en">Notices</span>
      </h1>
      <ul>
        {publicityPrograms(tenant).map((p) => (
          <li>
            <a href={`/${tenant.id}/admin/notices/new?program=${p.id}`}>发布公示：{p.title.zh}</a>
          </li>
        ))}
      </ul>
      {notices.length === 0 ? (
        <p>暂无公示。No notices yet.</p>
      ) : (
        <NoticesTable
          tenant={tenant}
          notices={notices}
          last={{
            column: { zh: '待核查异议', en: 'Open objections' },
            cell: (n, i) => (
              <a href={`/${tenant.id}/admin/notices/${n.id}/objections`}>
                {open[i]} 项 · 查看异议 Objections
              </a>
            ),
          }}
        />
      )}
    </>,
  );
}

export interface PublishFormState {
  values: { applicationIds: string[] };
  errors: FieldErrors;
}

export async function newNoticePage(
  c: Context,
  platform: Platform,
  form?: PublishFormState,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims } = member(c);
  const programs = publicityPrograms(tenant);
  const program = programs.find((p) => p.id === c.req.query('program')) ?? programs[0];
  if (!program) return noticesIndexPage(c, platform);
  const waiting = await platform.applicationTable.awaitingNotice(tenant, claims, program.id);
  const publishedId = c.req.query('published');
  const published = publishedId ? await platform.publicity.notice(tenant, publishedId) : undefined;
  const names = catalogueNames([tenant]);
  const chosen = new Set(form ? form.values.applicationIds : waiting.map((a) => a.id));
  return renderPage(
    c,
    { title: '发布公示', status },
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/admin/notices`}>公示管理</a>
          </li>
          <li aria-current="page">发布公示</li>
        </ol>
      </nav>
      <h1>
        发布公示 <span class="en">Publish a notice</span>
      </h1>
      <p>{program.title.zh}</p>
      {published && (
        <div class="notice-box ok" role="status">
          <p>
            公示已发布，共 {published.entries.length} 家；公示期至{' '}
            <strong>{formatDeadline(new Date(published.endsAt))}（北京时间）</strong>。
            <span class="en">
              {' '}
              Published; publicity ends {formatDeadline(new Date(published.endsAt))} Beijing time.
            </span>
          </p>
          <p>
            <a href={`/${tenant.id}/notices/${published.id}`}>查看公示 View the notice</a>
          </p>
        </div>
      )}
      <ErrorSummary errors={form?.errors ?? {}} />
      {waiting.length === 0 ? (
        <p>暂无通过专家评审、等待公示的申报。Nothing is waiting for a notice.</p>
      ) : (
        <form method="post" action={`/${tenant.id}/admin/notices?program=${program.id}`}>
          <CsrfField token={csrfToken(c)} />
          <fieldset
            class={form?.errors.applicationIds ? 'field invalid' : 'field'}
            id="applicationIds"
            aria-describedby={form?.errors.applicationIds ? 'applicationIds-error' : undefined}
          >
            <legend>
              列入公示的申报 <span class="en">Applications in the notice</span>
            </legend>
            <ErrorText id="applicationIds-error" error={form?.errors.applicationIds} />
            <ul class="choices">
              {waiting.map((app) => (
                <li>
                  <input
                    type="checkbox"
                    id={`app-${app.id}`}
                    name="applicationIds"
                    value={app.id}
                    checked={chosen.has(app.id)}
                  />{' '}
                  <label for={`app-${app.id}`}>
                    {app.org.name}
                    <span class="muted">
                      {' '}
                      {nameOf(names.tracks, app.track) || nameOf(names.categories, app.category)}
                      {' · '}
                      {app.industries.map((i) => nameOf(names.industries, i)).join('、')}
                      {' · '}
                      {nameOf(names.regions, app.org.region)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit">发布公示 Publish</button>
        </form>
      )}
    </>,
  );
}

/** Which field a refusal of publishing belongs beside. */
export function publishRefusal(error: unknown): FieldErrors | undefined {
  const { code, detail } = error as DomainError;
  return ['stale_stage', 'no_publicity', 'publicity_length_unset'].includes(code)
    ? { applicationIds: detail }
    : undefined;
}
