/**
 * `/<t>/me/applications/<id>/withdraw`: withdrawing an application after a confirmation
 * that says it cannot be undone, with an optional reason kept in its history.
 */
import { type Application, type LocalizedText, type ResolvedTenant, statusName } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, TextArea } from '../forms/fields.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';

export function withdrawPages(platform: Platform) {
  const { applications, queries } = platform;
  return new Hono()
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
