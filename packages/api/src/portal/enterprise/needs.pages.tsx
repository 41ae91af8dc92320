/**
 * `/<t>/enterprise/needs`: an enterprise reads the providers of the pool ranked for its
 * needs, each with the reasons of its rank, and below them records its profile (name,
 * district) and its digital-transformation needs, each in a domain of the city's
 * provider catalogue (a category or an industry, chosen from a list); five rows, or as
 * many as it holds (API.md "Pilot enterprises": `PUT /enterprises/{uscc}`, `GET
 * /matches`). Post, redirect, get: a reload saves nothing twice; a refusal shows the form
 * again with each error beside its field and what was typed kept.
 */
import type { LocalizedText, ResolvedTenant } from '@sme/core';
import {
  ForbiddenError,
  hasRole,
  InvalidRequestError,
  needDomains,
  type Platform,
  PROFILE_LIMITS,
} from '@sme/platform';
import { type Context, Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, ErrorSummary, Select, TextField } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';

/** Rows shown: five, or as many as the profile holds (up to the API's twenty). */
const rowsFor = (values: Values) => {
  let shown = 5;
  for (let n = 1; n <= PROFILE_LIMITS.needs; n += 1)
    if (values[`domain-${n}`] || values[`description-${n}`]) shown = Math.max(shown, n);
  return Array.from({ length: shown }, (_, i) => i + 1);
};
const LABELS = {
  name: { zh: '企业名称', en: 'Enterprise name' },
  region: { zh: '所在区市', en: 'District' },
  domain: (n: number) => ({ zh: `需求 ${n}：领域`, en: `Need ${n}: domain` }),
  description: (n: number) => ({ zh: `需求 ${n}：具体描述`, en: `Need ${n}: what is needed` }),
} as const;

type Values = Record<string, string>;

/** The domains a need may name (the catalogue's categories and industries), as choices. */
const domainOptions = (tenant: ResolvedTenant) =>
  [...needDomains(tenant)].map(([id, domain]) => ({
    value: id,
    label: `${domain.kind === 'category' ? '服务类别' : '行业'}：${domain.name.zh}`,
  }));

/** The needs typed in, each row checked for its two halves, with the row each came from. */
function readNeeds(values: Values, errors: FieldErrors) {
  const needs: { domain: string; description: string }[] = [];
  const rowOf: number[] = [];
  for (let n = 1; n <= PROFILE_LIMITS.needs; n += 1) {
    const domain = values[`domain-${n}`] ?? '';
    const description = values[`description-${n}`] ?? '';
    if (!domain && !description) continue;
    if (!domain)
      errors[`domain-${n}`] = { zh: `请选择需求 ${n} 的领域`, en: `Choose need ${n}'s domain` };
    else if (!description)
      errors[`description-${n}`] = { zh: `请描述需求 ${n}`, en: `Describe need ${n}` };
    else {
      needs.push({ domain, description });
      rowOf.push(n);
    }
  }
  return { needs, rowOf };
}

/** The enterprise acting for itself; anyone else gets the 403 page. */
function enterpriseOf(c: Context) {
  const { tenant, claims } = member(c);
  if (!hasRole(claims, 'enterprise') || !claims.org)
    throw new ForbiddenError({
      zh: '此页面供试点企业登记本企业的转型需求',
      en: 'This page is for an enterprise to record its own needs',
    });
  return { tenant, claims, org: claims.org };
}

async function needsPage(
  c: Context,
  platform: Platform,
  form: { values: Values; errors: FieldErrors; updatedAt?: string | undefined },
  status: 200 | 422 = 200,
) {
  const { tenant, claims, org } = enterpriseOf(c);
  const matches = await platform.matchmaking.matches(tenant, claims, org);
  const { values, errors } = form;
  const options = domainOptions(tenant);
  return renderPage(
    c,
    { title: '转型需求与对接', status },
    <>
      <h1>
        转型需求与对接 <span class="en">Needs and matches</span>
      </h1>
      <ErrorSummary errors={errors} />
      {c.req.query('saved') === '1' && (
        <div class="notice-box ok" role="status">
          <p>需求已保存，推荐已按新需求更新。Saved; the matches follow the new needs.</p>
        </div>
      )}
      <h2>
        推荐服务商 <span class="en">Recommended providers</span>
      </h2>
      {matches.length === 0 ? (
        <p>
          暂无推荐：请先登记需求，或资源池中尚无对口的服务商。
          <span class="en" lang="en">
            None yet: record the needs, or no provider of the pool serves them.
          </span>
        </p>
      ) : (
        <ol class="cards">
          {matches.map((m) => (
            <li class="card">
              <h3>
                <a href={`/${tenant.id}/members/${m.uscc}`}>{m.name}</a>{' '}
                <span class="muted">匹配度 Score {m.score}</span>
              </h3>
              <ul>
                {m.reasons.map((r: LocalizedText) => (
                  <li>
                    {r.zh} <span class="en">{r.en}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <h2>
        登记需求 <span class="en">Record the needs</span>
      </h2>
      {form.updatedAt && (
        <p class="muted">最近更新 Last updated：{beijing(form.updatedAt)}（北京时间）</p>
      )}
      <form method="post" action={`/${tenant.id}/enterprise/needs`} novalidate>
        <CsrfField token={csrfToken(c)} />
        <TextField
          id="name"
          label={LABELS.name}
          value={values.name}
          error={errors.name}
          maxLength={PROFILE_LIMITS.name}
        />
        <Select
          id="region"
          label={LABELS.region}
          value={values.region}
          error={errors.region}
          options={tenant.regions.map((r) => ({ value: r.id, label: r.name.zh }))}
          placeholder="请选择 Choose"
        />
        {rowsFor(values).map((n) => (
          <fieldset class="field">
            <legend>
              需求 {n} <span class="en">Need {n}</span>
            </legend>
            <Select
              id={`domain-${n}`}
              label={LABELS.domain(n)}
              value={values[`domain-${n}`]}
              error={errors[`domain-${n}`]}
              options={options}
              placeholder="（不填）None"
            />
            <TextField
              id={`description-${n}`}
              label={LABELS.description(n)}
              value={values[`description-${n}`]}
              error={errors[`description-${n}`]}
              maxLength={PROFILE_LIMITS.description}
            />
          </fieldset>
        ))}
        <button type="submit">保存需求 Save the needs</button>
      </form>
    </>,
  );
}

export function enterpriseNeedsPages(platform: Platform) {
  return new Hono()
    .get('/:t/enterprise/needs', async (c) => {
      const { tenant, claims } = enterpriseOf(c);
      const own = await platform.enterpriseProfiles.own(tenant, claims);
      const values: Values = { name: own.name ?? claims.name ?? '', region: own.region ?? '' };
      own.needs.forEach((need, i) => {
        values[`domain-${i + 1}`] = need.domain;
        values[`description-${i + 1}`] = need.description;
      });
      return needsPage(c, platform, { values, errors: {}, updatedAt: own.updatedAt });
    })
    .post('/:t/enterprise/needs', async (c) => {
      const { tenant, claims, org } = enterpriseOf(c);
      const posted = await c.req.parseBody();
      const values: Values = Object.fromEntries(
        Object.entries(posted).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']),
      );
      const errors: FieldErrors = {};
      if (!values.name) errors.name = { zh: '请填写企业名称', en: 'Enter the name' };
      if (!values.region) errors.region = { zh: '请选择所在区市', en: 'Choose the district' };
      const { needs, rowOf } = readNeeds(values, errors);
      if (Object.keys(errors).length > 0) return needsPage(c, platform, { values, errors }, 422);
      try {
        await platform.enterpriseProfiles.save(tenant, claims, org, {
          name: values.name ?? '',
          region: values.region ?? '',
          needs,
        });
      } catch (error) {
        if (!(error instanceof InvalidRequestError) || !error.path) throw error;
        // `needs.<i>.domain` (or `.description`) is that of the row the i-th need came from.
        const need = /^needs\.(\d+)\.(domain|description)$/.exec(error.path);
        const field = need ? `${need[2]}-${rowOf[Number(need[1])]}` : error.path;
        return needsPage(c, platform, { values, errors: { [field]: error.detail } }, 422);
      }
      return c.redirect(`/${tenant.id}/enterprise/needs?saved=1#main`, 303);
    });
}
