/**
 * `/<t>/me/applications`: the provider's applications (call, track, status in Chinese,
 * last change) and a way to start one in each open call; `/<t>/me/applications/new?program=`
 * chooses the track, category and industries and creates the draft.
 */
import {
  acceptsApplications,
  DomainError,
  EntryRuleError,
  type Program,
  type ResolvedTenant,
  statusName,
} from '@sme/core';
import { hasRole, type Platform, programOf } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, ErrorSummary, Select } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';

export const STATUS_TONES: Record<string, string> = {
  draft: 'warn',
  returned: 'bad',
  rejected: 'bad',
  withdrawn: 'closed',
  listed: 'ok',
  publicity: 'ok',
};

export const StatusTag = ({ status, program }: { status: string; program: Program }) => {
  const name = statusName(status, program);
  return (
    <span class={`tag ${STATUS_TONES[status] ?? 'open'}`}>
      {name.zh} <span lang="en">{name.en}</span>
    </span>
  );
};

interface NewForm {
  values: { track?: string | undefined; category?: string | undefined; industries?: string[] };
  errors: FieldErrors;
}

function newPage(
  c: Context,
  tenant: ResolvedTenant,
  program: Program,
  form: NewForm,
  status: 200 | 409 | 422 = 200,
) {
  const { values, errors } = form;
  const industries = tenant.catalogue.industries.filter((i) => program.industries.includes(i.id));
  const categories = tenant.catalogue.categories.filter((i) => program.categories.includes(i.id));
  const chosen = new Set(values.industries ?? []);
  return renderPage(
    c,
    { title: '新建申报', status },
    <>
      <h1>
        新建申报 <span class="en">New application</span>
      </h1>
      <p>
        {program.title.zh} <span class="en">{program.title.en}</span>
      </p>
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action={`/${tenant.id}/me/applications/new?program=${encodeURIComponent(program.id)}`}
      >
        <CsrfField token={csrfToken(c)} />
        {program.tracks.length > 0 && (
          <Select
            id="track"
            label={{ zh: '申报类型', en: 'Track' }}
            value={values.track}
            error={errors.track}
            options={program.tracks.map((t) => ({ value: t.id, label: t.name.zh }))}
            placeholder="请选择 Choose"
          />
        )}
        {categories.length > 0 && (
          <Select
            id="category"
            label={{ zh: '服务商类别', en: 'Category' }}
            value={values.category}
            error={errors.category}
            options={categories.map((t) => ({ value: t.id, label: t.name.zh }))}
            placeholder="请选择 Choose"
          />
        )}
        {industries.length > 0 && (
          <fieldset
            class={errors.industries ? 'field group invalid' : 'field group'}
            id="industries"
          >
            <legend>
              细分行业 <span class="en">Industries</span>
            </legend>
            {errors.industries && (
              <span class="error-text">
                {errors.industries.zh}{' '}
                <span class="en" lang="en">
                  {errors.industries.en}
                </span>
              </span>
            )}
            {industries.map((industry) => (
              <div class="check">
                <input
                  type="checkbox"
                  id={`industry-${industry.id}`}
                  name="industries"
                  value={industry.id}
                  checked={chosen.has(industry.id)}
                />
                <label for={`industry-${industry.id}`}>
                  {industry.name.zh} <span class="en">{industry.name.en}</span>
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <button type="submit">创建申报草稿 Create the draft</button>
      </form>
    </>,
  );
}

/** Where an entry-rule refusal belongs on the new-application form. */
function fieldOfPath(path: string): string {
  const key = path.split(/[.[]/)[0] ?? '';
  return ['track', 'category', 'industries'].includes(key) ? key : 'track';
}

export function myApplicationsPages(platform: Platform) {
  const { queries, applications, organizations, clock } = platform;
  return new Hono()
    .get('/:t/me/applications', async (c) => {
      const { tenant, claims } = member(c);
      const [mine, own] = await Promise.all([
        queries.own(tenant, claims),
        organizations.own(tenant, claims),
      ]);
      const names = catalogueNames([tenant]);
      const now = clock.now();
      // The calls for the caller's kind: providers' for a provider, pilot enterprises' for an enterprise.
      const open = tenant.programs.filter(
        (p) => hasRole(claims, p.applicant) && acceptsApplications(p.window, now),
      );
      return renderPage(
        c,
        { title: '我的申报' },
        <>
          <h1>
            我的申报 <span class="en">My applications</span>
          </h1>
          {!own && (
            <div class="notice-box">
              <p>
                申报前请先 <a href={`/${tenant.id}/me/organization`}>登记单位信息</a>。
                <span class="en" lang="en">
                  Register the organization before applying.
                </span>
              </p>
            </div>
          )}
          {mine.length === 0 ? (
            <p>暂无申报。No applications yet.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">申报通知 Call</th>
                    <th scope="col">申报类型 Track</th>
                    <th scope="col">状态 Status</th>
                    <th scope="col">最近更新 Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.map((app) => (
                    <tr>
                      <td>
                        <a href={`/${tenant.id}/me/applications/${app.id}`}>
                          {programOf(tenant, app.programId).title.zh}
                        </a>
                      </td>
                      <td>{nameOf(names.tracks, app.track) || '—'}</td>
                      <td>
                        <StatusTag status={app.status} program={programOf(tenant, app.programId)} />
                      </td>
                      <td>{beijing(app.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>
            新建申报 <span class="en">Apply</span>
          </h2>
          {open.length === 0 ? (
            <p>目前没有正在申报的通知。No call is open now.</p>
          ) : (
            <ul>
              {open.map((p) => (
                <li>
                  <a href={`/${tenant.id}/me/applications/new?program=${encodeURIComponent(p.id)}`}>
                    申报「{p.title.zh}」
                  </a>{' '}
                  <a href={`/${tenant.id}/calls/${p.id}`}>查看通知 Read the call</a>
                </li>
              ))}
            </ul>
          )}
        </>,
      );
    })
    .get('/:t/me/applications/new', (c) => {
      const { tenant } = member(c);
      const program = programOf(tenant, c.req.query('program') ?? '');
      return newPage(c, tenant, program, { values: {}, errors: {} });
    })
    .post('/:t/me/applications/new', async (c) => {
      const { tenant, claims } = member(c);
      const program = programOf(tenant, c.req.query('program') ?? '');
      const posted = await c.req.parseBody({ all: true });
      const one = (k: string) => {
        const v = posted[k];
        const s = Array.isArray(v) ? v[0] : v;
        return typeof s === 'string' && s !== '' ? s : undefined;
      };
      const many = ([] as unknown[]).concat(posted.industries ?? []).map(String);
      const values = {
        ...(one('track') && { track: one('track') }),
        ...(one('category') && { category: one('category') }),
        industries: many,
      };
      const errors: FieldErrors = {};
      if (program.tracks.length > 0 && !values.track)
        errors.track = { zh: '请选择「申报类型」', en: 'Choose a track' };
      if (program.industries.length > 0 && many.length === 0)
        errors.industries = { zh: '请至少选择一个细分行业', en: 'Choose at least one industry' };
      if (Object.keys(errors).length > 0)
        return newPage(c, tenant, program, { values, errors }, 422);
      try {
        const record = await applications.create(tenant, claims, {
          programId: program.id,
          ...values,
          fields: {},
        });
        return c.redirect(`/${tenant.id}/me/applications/${record.application.id}`, 303);
      } catch (error) {
        if (error instanceof EntryRuleError) {
          const refused: FieldErrors = {};
          for (const v of error.violations) refused[fieldOfPath(v.path)] ??= v.message;
          return newPage(c, tenant, program, { values, errors: refused }, 422);
        }
        if (error instanceof DomainError && error.code === 'org_not_registered') {
          return c.redirect(`/${tenant.id}/me/organization`, 303);
        }
        throw error;
      }
    });
}
