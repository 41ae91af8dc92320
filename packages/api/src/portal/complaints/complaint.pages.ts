/**
 * The routes of the complaint pages: the provider's (`/me/complaints`, its reply), the
 * bureau's desk (`/admin/complaints`, resolving; `/admin/spot-checks`, recording) and
 * the downloads of their lists. The enterprise's are mounted with its engagements page.
 * Every form posts, redirects on success (303) and otherwise shows its page again with
 * what was typed and the refusal, in Chinese and English.
 */
import { SPOT_CHECK_METHODS, type SpotCheckMethod } from '@sme/core';
import type { Platform } from '@sme/platform';
import { Hono } from 'hono';
import type { FieldErrors } from '../forms/form-errors.js';
import { postedIdempotencyKey } from '../forms/idempotency-key.js';
import { listDownload } from '../shell/listed-table.js';
import { supervisor } from '../supervision/admin-page.js';
import { choiceError, postedText, textError } from '../supervision/names.js';
import { adminPath, complaintsDesk, deskTables } from './admin-complaints.js';
import { RESOLUTION_LABELS, SPOT_CHECK_LABELS } from './complaint-forms.js';
import { providerComplaintPages } from './provider-complaints.js';
import { attempt } from './refusals.js';

const setError = (errors: FieldErrors, field: string, error: FieldErrors[string]) => {
  if (error) errors[field] = error;
};

export function complaintPages(platform: Platform) {
  const { complaints, spotChecks } = platform.supervision;
  return new Hono()
    .route('/', providerComplaintPages(platform))
    .get('/:t/admin/complaints', (c) => complaintsDesk(c, platform))
    .get('/:t/admin/complaints/download', async (c) => {
      const { tenant, claims } = supervisor(c);
      const { complaintsTable, now } = await deskTables(platform, tenant, claims);
      return listDownload(c, complaintsTable, now);
    })
    .get('/:t/admin/spot-checks/download', async (c) => {
      const { tenant, claims } = supervisor(c);
      const { spotChecksTable, now } = await deskTables(platform, tenant, claims);
      return listDownload(c, spotChecksTable, now);
    })
    .post('/:t/admin/complaints/:id/resolution', async (c) => {
      const { tenant, claims } = supervisor(c);
      const id = c.req.param('id');
      const values = postedText(await c.req.parseBody(), [
        'outcome',
        'comment',
        'rectifyGround',
        'rectifyDetail',
      ]);
      const errors: FieldErrors = {};
      if (values.outcome !== 'upheld' && values.outcome !== 'dismissed')
        errors.outcome = choiceError(RESOLUTION_LABELS.outcome);
      setError(errors, 'comment', textError(values.comment ?? '', RESOLUTION_LABELS.comment, 2000));
      const ground = values.rectifyGround ?? '';
      const detail = (values.rectifyDetail ?? '').trim();
      if (ground)
        setError(errors, 'rectifyDetail', textError(detail, RESOLUTION_LABELS.rectifyDetail, 2000));
      // Requirements typed without a ground order nothing: ask for the ground rather than drop them.
      else if (detail) errors.rectifyGround = choiceError(RESOLUTION_LABELS.rectifyGround);
      const form = { key: `resolve-${id}`, values, errors };
      if (Object.keys(errors).length > 0) return complaintsDesk(c, platform, form, 422);
      const refused = await attempt(
        form,
        () =>
          complaints.resolve(tenant, claims, id, {
            upheld: values.outcome === 'upheld',
            comment: (values.comment ?? '').trim(),
            ...(ground && { rectify: { ground, detail } }),
          }),
        { groundField: 'rectifyGround' },
      );
      if (refused) return complaintsDesk(c, platform, refused.form, refused.status);
      return c.redirect(`${adminPath(tenant)}?done=resolved#main`, 303);
    })
    .post('/:t/admin/spot-checks', async (c) => {
      const { tenant, claims } = supervisor(c);
      const body = await c.req.parseBody();
      const values = postedText(body, ['uscc', 'method', 'findings']);
      const errors: FieldErrors = {};
      if (!values.uscc) errors.uscc = choiceError(SPOT_CHECK_LABELS.uscc);
      const method = values.method as SpotCheckMethod;
      if (!SPOT_CHECK_METHODS.includes(method))
        errors.method = choiceError(SPOT_CHECK_LABELS.method);
      const findings = values.findings ?? '';
      setError(errors, 'findings', textError(findings, SPOT_CHECK_LABELS.findings, 5000));
      const form = { key: 'spot-check', values, errors };
      if (Object.keys(errors).length > 0) return complaintsDesk(c, platform, form, 422);
      // The tenant's spot-check rule names who may check: a refusal of it is said on the form.
      const refused = await attempt(
        form,
        () =>
          spotChecks.record(
            tenant,
            claims,
            { uscc: values.uscc ?? '', method, findings: findings.trim() },
            postedIdempotencyKey(body),
          ),
        { kinds: ['conflict', 'invalid', 'forbidden'] },
      );
      if (refused) return complaintsDesk(c, platform, refused.form, refused.status);
      return c.redirect(`${adminPath(tenant)}?done=checked#spot-check`, 303);
    });
}
