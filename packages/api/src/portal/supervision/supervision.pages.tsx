/**
 * The supervision pages' routes: the member page with the member's report and appeal
 * forms, the bureau's desk with its order, decision and disqualification forms, the
 * public notice of disqualifications, and the download of each list they show (CSV or
 * Excel, `?format=`), answered under the page's path with the page's own authorization.
 * Every form posts through `submit` (refused as typed, or redirected once done).
 */
import { APPEAL_SUBJECT_KINDS, type LocalizedText } from '@sme/core';
import { ForbiddenError, type Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import { member as memberScope } from '../../middleware/tenant-scope/index.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { postedIdempotencyKey } from '../forms/idempotency-key.js';
import { listDownload } from '../shell/listed-table.js';
import { DISQUALIFY_LABELS, ORDER_LABELS, supervisionPage } from './admin-page.js';
import { COMMENT_LABEL, OUTCOME_LABEL } from './decision-form.js';
import { DESK_LISTS, type DeskList, deskTables, readDesk, supervisor } from './desk.js';
import { disqualificationNotices } from './disqualification-notices.js';
import { APPEAL_LABELS, memberPage, memberRecord, REPORT_LABEL } from './member-page.js';
import { MEMBER_LISTS } from './member-tables.js';
import { choiceError, postedText, textError } from './names.js';
import { type Render, submit } from './submit.js';

const check = (errors: FieldErrors, field: string, error: LocalizedText | undefined) => {
  if (error) errors[field] = error;
};

/** A case's ground and its explanation as the order and disqualification forms post them. */
const groundInput = (values: Record<string, string>) => ({
  uscc: values.uscc ?? '',
  ground: values.ground ?? '',
  detail: (values.detail ?? '').trim(),
});

export function supervisionPages(platform: Platform) {
  const { rectifications, appeals, disqualifications } = platform.supervision;
  const member: Render = (c, form, status) => memberPage(c, platform, form, status);
  const desk: Render = (c, form, status) => supervisionPage(c, platform, form, status);
  const memberDone = (c: Context, what: string) =>
    `/${c.req.param('t')}/members/${c.req.param('uscc')}?done=${what}#main`;
  const deskDone = (c: Context, what: string) =>
    `/${c.req.param('t')}/admin/supervision?done=${what}#main`;
  return new Hono()
    .get('/:t/disqualifications', (c) => disqualificationNotices(c, platform))
    .get('/:t/members/:uscc', (c) => memberPage(c, platform))
    .get(`/:t/members/:uscc/:list{${MEMBER_LISTS.join('|')}}`, async (c) => {
      const { lists, now } = await memberRecord(c, platform);
      const list = lists.find((l) => l.id === c.req.param('list'));
      // A list of the full record is not the public's to download (the page hides it too).
      if (!list)
        throw new ForbiddenError({
          zh: '仅该服务商及主管部门可下载此清单',
          en: 'Only the member and its bureau may download this list',
        });
      return listDownload(c, list.table, now);
    })
    .post('/:t/members/:uscc/rectifications/:id/report', async (c) => {
      const { tenant, claims } = memberScope(c);
      const id = c.req.param('id');
      const values = postedText(await c.req.parseBody(), ['text']);
      const form = { key: `report-${id}`, values, errors: {} as FieldErrors };
      check(form.errors, 'text', textError(values.text ?? '', REPORT_LABEL, 5000));
      const text = (values.text ?? '').trim();
      return submit(
        c,
        form,
        member,
        () => rectifications.report(tenant, claims, id, { text }),
        memberDone(c, 'report'),
      );
    })
    .post('/:t/members/:uscc/appeals', async (c) => {
      const { tenant, claims } = memberScope(c);
      const values = postedText(await c.req.parseBody(), ['subject', 'ground', 'detail']);
      const form = { key: 'appeal', values, errors: {} as FieldErrors };
      const [kind, id] = (values.subject ?? '').split(':');
      const subjectKind = APPEAL_SUBJECT_KINDS.find((k) => k === kind);
      if (!subjectKind || !id) form.errors.subject = choiceError(APPEAL_LABELS.subject);
      if (!values.ground) form.errors.ground = choiceError(APPEAL_LABELS.ground);
      check(form.errors, 'detail', textError(values.detail ?? '', APPEAL_LABELS.detail, 5000));
      const input = {
        subject: { kind: subjectKind ?? 'rectification', id: id ?? '' },
        ground: values.ground ?? '',
        detail: (values.detail ?? '').trim(),
      };
      return submit(
        c,
        form,
        member,
        () => appeals.lodge(tenant, claims, input),
        memberDone(c, 'appeal'),
      );
    })
    .get('/:t/admin/supervision', (c) => supervisionPage(c, platform))
    .get(`/:t/admin/supervision/:list{${DESK_LISTS.join('|')}}`, async (c) => {
      const { tenant, claims } = supervisor(c);
      const list = c.req.param('list') as DeskList;
      const now = platform.clock.now();
      const tables = deskTables(tenant, await readDesk(platform, tenant, claims), now);
      return listDownload(c, tables[list], now);
    })
    .post('/:t/admin/supervision/orders', async (c) => {
      const { tenant, claims } = supervisor(c);
      const body = await c.req.parseBody();
      const values = postedText(body, ['uscc', 'ground', 'detail']);
      const form = { key: 'order', values, errors: {} as FieldErrors };
      if (!values.uscc) form.errors.uscc = choiceError(ORDER_LABELS.uscc);
      if (!values.ground) form.errors.ground = choiceError(ORDER_LABELS.ground);
      check(form.errors, 'detail', textError(values.detail ?? '', ORDER_LABELS.detail, 2000));
      return submit(
        c,
        form,
        desk,
        () => rectifications.order(tenant, claims, groundInput(values), postedIdempotencyKey(body)),
        deskDone(c, 'order'),
      );
    })
    .post('/:t/admin/supervision/orders/:id/decision', async (c) => {
      const { tenant, claims } = supervisor(c);
      const id = c.req.param('id');
      const form = await decisionForm(c, `report-${id}`, ['accepted', 'rejected']);
      const outcome = form.values.outcome as 'accepted' | 'rejected';
      const comment = (form.values.comment ?? '').trim();
      return submit(
        c,
        form,
        desk,
        () => rectifications.decide(tenant, claims, id, { outcome, comment }),
        deskDone(c, 'decided'),
      );
    })
    .post('/:t/admin/supervision/appeals/:id/decision', async (c) => {
      const { tenant, claims } = supervisor(c);
      const id = c.req.param('id');
      const form = await decisionForm(c, `appeal-${id}`, ['yes', 'no']);
      const upheld = form.values.outcome === 'yes';
      const comment = (form.values.comment ?? '').trim();
      return submit(
        c,
        form,
        desk,
        () => appeals.decide(tenant, claims, id, { upheld, comment }),
        deskDone(c, 'appeal'),
      );
    })
    .post('/:t/admin/supervision/disqualifications', async (c) => {
      const { tenant, claims } = supervisor(c);
      const values = postedText(await c.req.parseBody(), ['uscc', 'task', 'ground', 'detail']);
      const form = { key: `proposal-${values.task}`, values, errors: {} as FieldErrors };
      if (!values.ground) form.errors.ground = choiceError(DISQUALIFY_LABELS.ground);
      check(form.errors, 'detail', textError(values.detail ?? '', DISQUALIFY_LABELS.detail, 2000));
      return submit(
        c,
        form,
        desk,
        () => disqualifications.disqualify(tenant, claims, groundInput(values)),
        deskDone(c, 'disqualified'),
      );
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
