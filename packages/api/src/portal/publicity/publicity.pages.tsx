/**
 * The public pages of publicity: `/<t>/notices` (every notice, newest first),
 * `/<t>/notices/<id>` (one notice, with the objection form while it runs) and the
 * objection's post, which on success redirects back to the notice (post, redirect,
 * get: a reload does not object twice) and otherwise shows the form again with each
 * error beside its field and what was typed.
 */
import type { DomainError, ResolvedTenant } from '@sme/core';
import { type Platform, programOf } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { ObjectionBody } from '../../routes/shared-bodies.js';
import { type FieldErrors, readForm } from '../forms/form-errors.js';
import { postedIdempotencyKey } from '../forms/idempotency-key.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { catalogueNames } from './catalogue-names.js';
import {
  NoticeDocument,
  noticeTitle,
  OBJECTION_LABELS,
  type ObjectionFormState,
} from './notice-page.js';
import { NoticesTable } from './notices-table.js';
import { poolPage } from './pool-page.js';

/** Which field a refusal of the objection belongs beside. */
const FIELD_OF_CODE: Record<string, string> = {
  not_in_notice: 'applicationId',
  notice_closed: 'applicationId',
  too_many_objections: 'applicationId',
  // The back button's re-post of an edited objection: the objection's own text differs.
  idempotency_key_reused: 'reason',
};

export function publicityPages(platform: Platform) {
  const { publicity, publicityQueries, objections, clock, tenants } = platform;

  async function noticePage(
    c: Context,
    tenant: ResolvedTenant,
    id: string,
    form: ObjectionFormState,
    status: 200 | 409 | 422 = 200,
  ) {
    const notice = await publicity.notice(tenant, id);
    const program = programOf(tenant, notice.programId);
    return renderPage(
      c,
      { title: noticeTitle(program), status },
      <NoticeDocument
        tenant={tenant}
        program={program}
        notice={notice}
        names={catalogueNames([tenant])}
        now={clock.now()}
        csrf={csrfToken(c)}
        form={form}
      />,
    );
  }

  return new Hono()
    .get('/:t/notices', async (c) => {
      const { tenant } = scopeOf(c);
      const notices = await publicityQueries.notices(tenant);
      const now = clock.now();
      return renderPage(
        c,
        { title: '公示' },
        <>
          <h1>
            公示 <span class="en">Publicity notices</span>
          </h1>
          {notices.length === 0 ? (
            <p>暂无公示。No notices yet.</p>
          ) : (
            <NoticesTable
              tenant={tenant}
              notices={notices}
              last={{
                column: { zh: '状态', en: 'State' },
                cell: (notice) =>
                  notice.state === 'open' && now.getTime() < Date.parse(notice.endsAt) ? (
                    <span class="tag open">公示中</span>
                  ) : (
                    <span class="tag closed">已结束</span>
                  ),
              }}
            />
          )}
        </>,
      );
    })
    .get('/:t/notices/:id', (c) =>
      noticePage(c, scopeOf(c).tenant, c.req.param('id'), {
        values: {},
        errors: {},
        recorded: c.req.query('objection') === 'recorded',
      }),
    )
    .post('/:t/notices/:id/objections', async (c) => {
      const { tenant } = scopeOf(c);
      const id = c.req.param('id');
      const posted = await c.req.parseBody();
      const values = {
        applicationId: String(posted.applicationId ?? ''),
        reason: String(posted.reason ?? ''),
        contact: String(posted.contact ?? ''),
      };
      const { data, errors } = readForm(ObjectionBody, values, OBJECTION_LABELS, ['applicationId']);
      if (!data) return noticePage(c, tenant, id, { values, errors }, 422);
      try {
        await objections.object(tenant, id, data, postedIdempotencyKey(posted));
      } catch (error) {
        const field = FIELD_OF_CODE[(error as DomainError).code];
        if (!field) throw error;
        const refused: FieldErrors = { [field]: (error as DomainError).detail };
        const status = (error as DomainError).kind === 'invalid' ? 422 : 409;
        return noticePage(c, tenant, id, { values, errors: refused }, status);
      }
      return c.redirect(`/${tenant.id}/notices/${id}?objection=recorded#main`, 303);
    })
    .get('/:t/pool', (c) => poolPage(c, platform, tenants.family(scopeOf(c).tenant)));
}
