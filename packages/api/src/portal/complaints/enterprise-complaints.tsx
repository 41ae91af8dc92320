/**
 * The enterprise's complaints on its engagements page (issue 12 item 3): under each
 * engagement, a form complaining about its provider on a ground of the tenant's
 * complaint rule; below the engagements, its complaints with their status, the
 * provider's reply and the bureau's resolution, downloadable as CSV or Excel.
 */
import type { Clause, ResolvedTenant } from '@sme/core';
import type { Claims, Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { member } from '../../middleware/tenant-scope/index.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { postedIdempotencyKey } from '../forms/idempotency-key.js';
import { ListedTable, listDownload } from '../shell/listed-table.js';
import {
  choiceError,
  postedText,
  type SupervisionForm,
  tenantGrounds,
  textError,
} from '../supervision/names.js';
import { COMPLAINT_LABELS } from './complaint-forms.js';
import { enterpriseComplaintsTable, TABLE_EN } from './complaint-tables.js';
import { attempt } from './refusals.js';

/** The grounds of the tenant's complaint rules (none: the tenant takes no complaints here). */
export const complaintGrounds = (tenant: ResolvedTenant): Clause[] =>
  tenantGrounds(tenant, 'complaint');

const downloadPath = (tenant: ResolvedTenant) => `/${tenant.id}/enterprise/complaints/download`;

async function table(platform: Platform, tenant: ResolvedTenant, claims: Claims) {
  const complaints = await platform.supervision.complaintReads.ofEnterprise(tenant, claims);
  return enterpriseComplaintsTable(tenant, complaints, platform.clock.now());
}

/** The section listing the enterprise's complaints (none where the tenant takes none). */
export async function enterpriseComplaintsSection(
  platform: Platform,
  tenant: ResolvedTenant,
  claims: Claims,
): Promise<Child> {
  if (complaintGrounds(tenant).length === 0) return null;
  return (
    <section aria-labelledby="complaints">
      <h2 id="complaints">
        我的投诉 <span class="en">My complaints</span>
      </h2>
      <ListedTable
        table={await table(platform, tenant, claims)}
        en={TABLE_EN.enterprise}
        href={downloadPath(tenant)}
        none={{ zh: '暂无投诉。', en: 'No complaints.' }}
      />
    </section>
  );
}

/** Shows the engagements page again with the complaint form of engagement `id` as posted. */
export type RenderWithComplaint = (
  c: Context,
  id: string,
  form: SupervisionForm,
  status: 403 | 409 | 422,
) => Promise<Response>;

export function enterpriseComplaintPages(platform: Platform, render: RenderWithComplaint) {
  const { complaints, engagementReads } = platform.supervision;
  return new Hono()
    .get('/:t/enterprise/complaints/download', async (c) => {
      const { tenant, claims } = member(c);
      return listDownload(c, await table(platform, tenant, claims), platform.clock.now());
    })
    .post('/:t/enterprise/engagements/:id/complaints', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      // Only a party sees the engagement; anyone else meets the 403 page, not a form.
      const { engagement } = await engagementReads.view(tenant, claims, id);
      const body = await c.req.parseBody();
      const values = postedText(body, ['ground', 'description']);
      const errors: FieldErrors = {};
      if (!values.ground) errors.ground = choiceError(COMPLAINT_LABELS.ground);
      const description = values.description ?? '';
      const wrong = textError(description, COMPLAINT_LABELS.description, 5000);
      if (wrong) errors.description = wrong;
      const form = { key: `complaint-${id}`, values, errors };
      if (Object.keys(errors).length > 0) return render(c, id, form, 422);
      const refused = await attempt(form, () =>
        complaints.file(
          tenant,
          claims,
          {
            providerUscc: engagement.uscc,
            engagementId: id,
            ground: values.ground ?? '',
            description: description.trim(),
          },
          postedIdempotencyKey(body),
        ),
      );
      if (refused) return render(c, id, refused.form, refused.status);
      return c.redirect(`/${tenant.id}/enterprise/engagements?done=complained#complaints`, 303);
    });
}
