/**
 * The routes of the yearly evaluation's pages (issue 12 items 7 and 9): the bureau's
 * years and year pages (open, score, publish, downloads) and the member's own page
 * (yearly update, comment, download). Every form posts, redirects on success (303) and
 * otherwise shows its page again with what was typed and the refusal in Chinese and
 * English: 422 for what was filled in wrong, 409 for what the case refuses now (the
 * year already open, the comment window still open or closed, published meanwhile).
 */
import { DomainError, type LocalizedText } from '@sme/core';
import type { Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import type { FieldErrors } from '../forms/form-errors.js';
import { pageNotFound } from '../shell/error-page.js';
import { listDownload } from '../shell/listed-table.js';
import { postedText, type SupervisionForm, textError } from '../supervision/names.js';
import { staff } from './evaluation-access.js';
import { indicatorSources, labelOf, SCORE_COMMENT, scoreField } from './member-card.js';
import { memberYears, myEvaluationPage, ownMember } from './my-evaluation.js';
import { COMMENT_LABEL, myEvaluationsTable } from './my-year.js';
import { PROFILE_FIELDS, readProfile } from './profile-form.js';
import { yearData, yearOf, yearPage } from './year-page.js';
import { openedYears, YEAR_LABEL, yearsPage, yearsTable } from './years-page.js';

type Render = (c: Context, form: SupervisionForm, status: 409 | 422) => Promise<Response>;

/**
 * Runs a use case; its refusal (what the case or the rules refuse now) is said above the
 * form that was posted. Refusals of who may act (forbidden, not found) stay error pages.
 */
async function attempt(
  c: Context,
  form: SupervisionForm,
  render: Render,
  run: () => Promise<unknown>,
): Promise<Response | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind !== 'conflict' && error.kind !== 'invalid') throw error;
    return render(
      c,
      { ...form, errors: { form: error.detail } },
      error.kind === 'conflict' ? 409 : 422,
    );
  }
}

const hasErrors = (form: SupervisionForm) => Object.values(form.errors).some(Boolean);

/** A score as the platform takes it (0–100), or why the typed text is not one. */
function scoreError(text: string, label: LocalizedText): LocalizedText | undefined {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < 0 || value > 100)
    return {
      zh: `「${label.zh}」须为 0 至 100 之间的分数`,
      en: `${label.en}: a score from 0 to 100`,
    };
  return undefined;
}

export function evaluationPages(platform: Platform) {
  const { evaluations, evaluationPublisher, yearlyUpdates } = platform.supervision;
  const years: Render = (c, form, status) => yearsPage(c, platform, form, status);
  const mine: Render = (c, form, status) => myEvaluationPage(c, platform, form, status);
  return new Hono()
    .get('/:t/admin/evaluations', (c) => yearsPage(c, platform))
    .get('/:t/admin/evaluations/list', async (c) => {
      const { tenant } = staff(c);
      const now = platform.clock.now();
      return listDownload(
        c,
        yearsTable(tenant.name.zh, await openedYears(platform, tenant), now),
        now,
      );
    })
    .post('/:t/admin/evaluations', async (c) => {
      const { tenant, claims } = staff(c);
      const values = postedText(await c.req.parseBody(), ['year']);
      const form: SupervisionForm = { key: 'open', values, errors: {} };
      const year = Number(values.year?.trim());
      if (!/^\d{4}$/.test(values.year?.trim() ?? '') || year < 2000 || year > 2100)
        form.errors.year = {
          zh: `「${YEAR_LABEL.zh}」须为 2000 至 2100 之间的年份`,
          en: `${YEAR_LABEL.en}: a year from 2000 to 2100`,
        };
      const refused = hasErrors(form)
        ? await years(c, form, 422)
        : await attempt(c, form, years, () => evaluations.open(tenant, claims, { year }));
      return refused ?? c.redirect(`/${tenant.id}/admin/evaluations/${year}?done=opened#main`, 303);
    })
    .get('/:t/admin/evaluations/:year', (c) => {
      const year = yearOf(c);
      return Number.isNaN(year) ? pageNotFound(c) : yearPage(c, platform, year);
    })
    .get('/:t/admin/evaluations/:year/download', async (c) => {
      const year = yearOf(c);
      if (Number.isNaN(year)) return pageNotFound(c);
      const { table, now } = await yearData(c, platform, year);
      return listDownload(c, table, now);
    })
    .post('/:t/admin/evaluations/:year/members/:uscc/scores', async (c) => {
      const year = yearOf(c);
      if (Number.isNaN(year)) return pageNotFound(c);
      const { tenant, claims } = staff(c);
      const uscc = c.req.param('uscc');
      const row = (await evaluations.member(tenant, claims, year, uscc)).indicators;
      const sources = indicatorSources(tenant);
      const names = [...row.map((i) => scoreField(i.id)), 'comment'];
      const values = postedText(await c.req.parseBody(), names);
      const form: SupervisionForm = { key: `score-${uscc}`, values, errors: {} };
      const scores: Record<string, number> = {};
      for (const indicator of row) {
        const text = (values[scoreField(indicator.id)] ?? '').trim();
        if (text === '') continue;
        const error = scoreError(text, labelOf(indicator, sources));
        if (error) form.errors[scoreField(indicator.id)] = error;
        else scores[indicator.id] = Number(text);
      }
      if (!hasErrors(form) && Object.keys(scores).length === 0)
        form.errors.form = {
          zh: '请至少填写一项指标的得分',
          en: 'Enter the score of at least one indicator',
        };
      const comment = (values.comment ?? '').trim();
      if (comment) {
        const error = textError(comment, SCORE_COMMENT, 2000);
        if (error) form.errors.comment = error;
      }
      const render: Render = (c, form, status) => yearPage(c, platform, year, form, status);
      const refused = hasErrors(form)
        ? await render(c, form, 422)
        : await attempt(c, form, render, () =>
            evaluations.score(tenant, claims, year, uscc, {
              scores,
              ...(comment && { comment }),
            }),
          );
      return (
        refused ?? c.redirect(`/${tenant.id}/admin/evaluations/${year}?done=scored#m-${uscc}`, 303)
      );
    })
    .post('/:t/admin/evaluations/:year/publish', async (c) => {
      const year = yearOf(c);
      if (Number.isNaN(year)) return pageNotFound(c);
      const { tenant, claims } = staff(c);
      const form: SupervisionForm = { key: 'publish', values: {}, errors: {} };
      const render: Render = (c, form, status) => yearPage(c, platform, year, form, status);
      const refused = await attempt(c, form, render, () =>
        evaluationPublisher.publish(tenant, claims, year),
      );
      return (
        refused ?? c.redirect(`/${tenant.id}/admin/evaluations/${year}?done=published#main`, 303)
      );
    })
    .get('/:t/me/evaluation', (c) => myEvaluationPage(c, platform))
    .get('/:t/me/evaluation/download', async (c) => {
      const { tenant, claims, uscc } = ownMember(c);
      const now = platform.clock.now();
      const view = await platform.supervision.memberView.view(tenant, claims, uscc);
      const table = myEvaluationsTable(
        tenant,
        view.name,
        await memberYears(platform, tenant, claims, uscc),
        now,
      );
      return listDownload(c, table, now);
    })
    .post('/:t/me/evaluation/profile', async (c) => {
      const { tenant, claims, uscc } = ownMember(c);
      const values = postedText(await c.req.parseBody(), PROFILE_FIELDS);
      const { data, errors } = readProfile(values);
      const form: SupervisionForm = { key: 'profile', values, errors };
      const refused = !data
        ? await mine(c, form, 422)
        : await attempt(c, form, mine, () => yearlyUpdates.update(tenant, claims, uscc, data));
      return refused ?? c.redirect(`/${tenant.id}/me/evaluation?done=profile#update`, 303);
    })
    .post('/:t/me/evaluation/:year/comment', async (c) => {
      const year = yearOf(c);
      if (Number.isNaN(year)) return pageNotFound(c);
      const { tenant, claims, uscc } = ownMember(c);
      const values = postedText(await c.req.parseBody(), ['text']);
      const form: SupervisionForm = { key: `comment-${year}`, values, errors: {} as FieldErrors };
      const error = textError(values.text ?? '', COMMENT_LABEL, 5000);
      if (error) form.errors.text = error;
      const text = (values.text ?? '').trim();
      const refused = hasErrors(form)
        ? await mine(c, form, 422)
        : await attempt(c, form, mine, () =>
            evaluations.comment(tenant, claims, year, uscc, { text }),
          );
      return refused ?? c.redirect(`/${tenant.id}/me/evaluation?done=comment#y-${year}`, 303);
    });
}
