/**
 * `/<t>/me/organization`: a provider registers its organization in the city, or
 * updates it (name, district, the parent entity it belongs to). The USCC is checked as
 * it is typed (a small script, with the server's own message) and again on the server;
 * every refusal is shown beside its field with what was typed kept.
 */
import { DomainError, InvalidUsccError, isValidUscc, type ResolvedTenant } from '@sme/core';
import { InvalidRequestError, type Platform } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { OrganizationBody } from '../../applications/application.schemas.js';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, ErrorSummary, Select, TextField } from '../forms/fields.js';
import { type FieldErrors, readForm } from '../forms/form-errors.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';

const LABELS = {
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  name: { zh: '单位名称', en: 'Organization name' },
  region: { zh: '注册所在区市', en: 'District of registration' },
  parentUscc: { zh: '上级单位统一社会信用代码', en: 'Parent organization USCC' },
};

interface OrgForm {
  values: Record<string, string>;
  errors: FieldErrors;
  saved?: boolean;
  updatedAt?: string | undefined;
  registered: boolean;
}

/** The server's refusal of a code, with `{uscc}` where the code goes: the script's words. */
const INVALID = new InvalidUsccError('{uscc}').detail;

function organizationPage(
  c: Context,
  tenant: ResolvedTenant,
  form: OrgForm,
  status: 200 | 403 | 422 = 200,
) {
  const { values, errors } = form;
  const regions = tenant.regions.map((r) => ({ value: r.id, label: r.name.zh }));
  return renderPage(
    c,
    { title: '单位信息', status, scripts: ['usccCheck'] },
    <>
      <h1>
        单位信息 <span class="en">Organization</span>
      </h1>
      {form.saved && (
        <div class="notice-box ok" role="status">
          <p>单位信息已保存。The organization is registered.</p>
          <p>
            <a href={`/${tenant.id}/me/applications`}>前往我的申报 Go to my applications</a>
          </p>
        </div>
      )}
      {!form.registered && !form.saved && (
        <div class="notice-box">
          <p>申报前请先登记单位信息。Register the organization before applying.</p>
        </div>
      )}
      {form.updatedAt && (
        <p class="muted">最近更新 Last updated：{beijing(form.updatedAt)}（北京时间）</p>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/${tenant.id}/me/organization`} novalidate>
        <CsrfField token={csrfToken(c)} />
        <div class={errors.uscc ? 'field invalid' : 'field'}>
          <label for="uscc">
            {LABELS.uscc.zh} <span class="en">{LABELS.uscc.en}</span>
          </label>
          <span class="hint" id="uscc-hint">
            18 位，由数字和大写字母组成 18 digits and capital letters
          </span>
          {errors.uscc && (
            <span class="error-text" id="uscc-error">
              {errors.uscc.zh}
              <span class="en" lang="en">
                {' '}
                {errors.uscc.en}
              </span>
            </span>
          )}
          <input
            type="text"
            id="uscc"
            name="uscc"
            value={values.uscc ?? ''}
            maxlength={18}
            autocomplete="off"
            spellcheck={false}
            data-uscc-check=""
            data-invalid-zh={INVALID.zh}
            data-invalid-en={INVALID.en}
            aria-invalid={errors.uscc ? 'true' : undefined}
            aria-describedby={`uscc-hint uscc-live${errors.uscc ? ' uscc-error' : ''}`}
          />
          <span id="uscc-live" class="uscc-live" aria-live="polite"></span>
        </div>
        <TextField
          id="name"
          label={LABELS.name}
          value={values.name}
          error={errors.name}
          maxLength={200}
        />
        <Select
          id="region"
          label={LABELS.region}
          value={values.region}
          error={errors.region}
          options={regions}
          placeholder="请选择 Choose"
        />
        <TextField
          id="parentUscc"
          label={LABELS.parentUscc}
          hint="分公司、子公司填写上级单位的代码；否则留空 For a branch or subsidiary; otherwise leave empty"
          value={values.parentUscc}
          error={errors.parentUscc}
          maxLength={18}
        />
        <button type="submit">保存 Save</button>
      </form>
    </>,
  );
}

export function organizationPages(platform: Platform) {
  const { organizations } = platform;
  return new Hono()
    .get('/:t/me/organization', async (c) => {
      const { tenant, claims } = member(c);
      const own = await organizations.own(tenant, claims);
      return organizationPage(c, tenant, {
        values: {
          uscc: own?.uscc ?? claims.org ?? '',
          name: own?.name ?? claims.name ?? '',
          region: own?.region ?? '',
          parentUscc: own?.parentUscc ?? '',
        },
        errors: {},
        saved: c.req.query('saved') === '1',
        updatedAt: own?.updatedAt,
        registered: !!own,
      });
    })
    .post('/:t/me/organization', async (c) => {
      const { tenant, claims } = member(c);
      const posted = await c.req.parseBody();
      const values = Object.fromEntries(
        ['uscc', 'name', 'region', 'parentUscc'].map((k) => [k, String(posted[k] ?? '').trim()]),
      );
      const uscc = (values.uscc ?? '').toUpperCase();
      values.uscc = uscc;
      if (values.parentUscc) values.parentUscc = values.parentUscc.toUpperCase();
      const { data, errors } = readForm(OrganizationBody, values, LABELS, ['region']);
      if (!isValidUscc(uscc)) errors.uscc = new InvalidUsccError(uscc).detail;
      const registered = !!(await organizations.own(tenant, claims));
      if (!data || errors.uscc)
        return organizationPage(c, tenant, { values, errors, registered }, 422);
      try {
        await organizations.register(tenant, claims, uscc, data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.kind === 'forbidden') {
          const refused = {
            uscc: {
              zh: `您只能登记所代表的单位（${claims.org ?? ''}）`,
              en: 'You may register only the organization you act for',
            },
          };
          return organizationPage(c, tenant, { values, errors: refused, registered }, 403);
        }
        if (error.kind !== 'invalid') throw error;
        const field = error instanceof InvalidRequestError && error.path ? error.path : 'uscc';
        return organizationPage(
          c,
          tenant,
          { values, errors: { [field]: error.detail }, registered },
          422,
        );
      }
      return c.redirect(`/${tenant.id}/me/organization?saved=1#main`, 303);
    });
}
