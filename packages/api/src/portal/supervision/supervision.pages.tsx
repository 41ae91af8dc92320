/**
 * The supervision pages' routes: the member page with the member's report and appeal
 * forms, and the bureau's desk with its order, decision and disqualification forms.
 * Every form posts, redirects on success (303) and otherwise shows its page again with
 * what was typed and the refusal beside its field: 422 for what was filled in wrong, 409
 * for what changed meanwhile (the order moved on, it fell due, an appeal is pending).
 */
import { DomainError, type LocalizedText } from '@sme/core';
import type { Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import { member as memberScope } from '../../middleware/tenant-scope/index.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { DISQUALIFY_LABELS, ORDER_LABELS, supervisionPage, supervisor } from './admin-page.js';
import { COMMENT_LABEL, OUTCOME_LABEL } from './decision-form.js';
import { disqualificationNotices } from './disqualification-notices.js';
import { APPEAL_LABELS, memberPage, REPORT_LABEL } from './member-page.js';
import { choiceError, postedText, type SupervisionForm, textError } from './names.js';

type Render = (c: Context, form: SupervisionForm, status: 409 | 422) => Promise<Response>;

/**
 * Runs a use case, answering its refusal on the page: an unknown ground beside the
 * ground, anything else the case says (moved on, past due, pending) above the form.
 * Refusals of who may act (forbidden, not found) stay error pages.
 */
async function attempt(
  c: Context,
  form: Omit<SupervisionForm, 'errors'>,
  render: Render,
  run: () => Promise<unknown>,
): Promise<Response | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind !== 'conflict' && error.kind !== 'invalid') throw error;
    const errors: FieldErrors =
      error.code === 'unknown_ground' ? { ground: error.detail } : { form: error.detail };
    return render(c, { ...form, errors }, error.kind === 'conflict' ? 409 : 422);
  }
}

const refuse = (render: Render) => (c: Context, form: SupervisionForm) =>
  Object.values(form.errors).some(Boolean) ? render(c, form, 422) : undefined;

const check = (errors: FieldErrors, field: string, error: LocalizedText | undefined) => {
  if (error) errors[field] = error;
};

export function supervisionPages(platform: Platform) {
  const { rectifications, appeals, disqualifications } = platform.supervision;
  const member: Render = (c, form, status) => memberPage(c, platform, form, status);
  const desk: Render = (c, form, status) => supervisionPage(c, platform, form, status);
  return new Hono()
    .get('/:t/disqualifications', (c) => disqualificationNotices(c, platform))
    .get('/:t/members/:uscc', (c) => memberPage(c, platform))
    .post('/:t/members/:uscc/rectifications/:id/report', async (c) => {
      const { tenant, claims } = memberScope(c);
      const id = c.req.param('id');
      const values = postedText(await c.req.parseBody(), ['text']);
      const form = { key: `report-${id}`, values, errors: {} as FieldErrors };
      check(form.errors, 'text', textError(values.text ?? '', REPORT_LABEL, 5000));
      const refused =
        refuse(member)(c, form) ??
        (await attempt(c, form, member, () =>
          rectifications.report(tenant, claims, id, { text: (values.text ?? '').trim() }),
        ));
      return (
        refused ?? c.redirect(`/${tenant.id}/members/${c.req.param('uscc')}?done=report#main`, 303)
      );
    })
    .post('/:t/members/:uscc/appeals', async (c) => {
      const { tenant, claims } = memberScope(c);
      const values = postedText(await c.req.parseBody(), ['subject', 'ground', 'detail']);
      const form = { key: 'appeal', values, errors: {} as FieldErrors };
      const [kind, id] = (values.subject ?? '').split(':');
      if ((kind !== 'rectification' && kind !== 'disqualification') || !id)
        form.errors.subject = choiceError(APPEAL_LABELS.subject);
      if (!values.ground) form.errors.ground = choiceError(APPEAL_LABELS.ground);
      check(form.errors, 'detail', textError(values.detail ?? '', APPEAL_LABELS.detail, 5000));
      const refused =
        refuse(member)(c, form) ??
        (await attempt(c, form, member, () =>
          appeals.lodge(tenant, claims, {
            subject: { kind: kind as 'rectification' | 'disqualification', id: id ?? '' },
            ground: values.ground ?? '',
            detail: (values.detail ?? '').trim(),
          }),
        ));
      return (
        refused ?? c.redirect(`/${tenant.id}/members/${c.req.param('uscc')}?done=appeal#main`, 303)
      );
    })
    .get('/:t/admin/supervision', (c) => supervisionPage(c, platform))
    .post('/:t/admin/supervision/orders', async (c) => {
      const { tenant, claims } = supervisor(c);
      const values = postedText(await c.req.parseBody(), ['uscc', 'ground', 'detail']);
      const form = { key: 'order', values, errors: {} as FieldErrors };
      if (!values.uscc) form.errors.uscc = choiceError(ORDER_LABELS.uscc);
      if (!values.ground) form.errors.ground = choiceError(ORDER_LABELS.ground);
      check(form.errors, 'detail', textError(values.detail ?? '', ORDER_LABELS.detail, 2000));
      const input = {
        uscc: values.uscc ?? '',
        ground: values.ground ?? '',
        detail: (values.detail ?? '').trim(),
      };
      const refused =
        refuse(desk)(c, form) ??
        (await attempt(c, form, desk, () => rectifications.order(tenant, claims, input)));
      return refused ?? c.redirect(`/${tenant.id}/admin/supervision?done=order#main`, 303);
    })
    .post('/:t/admin/supervision/orders/:id/decision', async (c) => {
      const { tenant, claims } = supervisor(c);
      const id = c.req.param('id');
      const form = await decisionForm(c, `report-${id}`, ['accepted', 'rejected']);
      const outcome = form.values.outcome as 'accepted' | 'rejected';
      const comment = (form.values.comment ?? '').trim();
      const refused =
        refuse(desk)(c, form) ??
        (await attempt(c, form, desk, () =>
          rectifications.decide(tenant, claims, id, { outcome, comment }),
        ));
      return refused ?? c.redirect(`/${tenant.id}/admin/supervision?done=decided#main`, 303);
    })
    .post('/:t/admin/supervision/appeals/:id/decision', async (c) => {
      const { tenant, claims } = supervisor(c);
      const id = c.req.param('id');
      const form = await decisionForm(c, `appeal-${id}`, ['yes', 'no']);
      const upheld = form.values.outcome === 'yes';
      const comment = (form.values.comment ?? '').trim();
      const refused =
        refuse(desk)(c, form) ??
        (await attempt(c, form, desk, () =>
          appeals.decide(tenant, claims, id, { upheld, comment }),
        ));
      return refused ?? c.redirect(`/${tenant.id}/admin/supervision?done=appeal#main`, 303);
    })
    .post('/:t/admin/supervision/disqualifications', async (c) => {
      const { tenant, claims } = supervisor(c);
      const values = postedText(await c.req.parseBody(), ['uscc', 'task', 'ground', 'detail']);
      const form = { key: `proposal-${values.task}`, values, errors: {} as FieldErrors };
      if (!values.ground) form.errors.ground = choiceError(DISQUALIFY_LABELS.ground);
      check(form.errors, 'detail', textError(values.detail ?? '', DISQUALIFY_LABELS.detail, 2000));
      const input = {
        uscc: values.uscc ?? '',
        ground: values.ground ?? '',
        detail: (values.detail ?? '').trim(),
      };
      const refused =
        refuse(desk)(c, form) ??
        (await attempt(c, form, desk, () => disqualifications.disqualify(tenant, claims, input)));
      return refused ?? c.redirect(`/${tenant.id}/admin/supervision?done=disqualified#main`, 303);
    });
}

/** A decision form's values and what is missing from them. */
async function decisionForm(c: Context, key: string, outcomes: readonly string[]) {
  const values = postedText(await c.req.parseBody(), ['outcome', 'comment']);
  const errors: FieldErrors = {};
  if (!outcomes.includes(values.outcome ?? '')) errors.outcome = choiceError(OUTCOME_LABEL);
  check(errors, 'comment', textError(values.comment ?? '', COMMENT_LABEL, 2000));
  return { key, values, errors };
}
