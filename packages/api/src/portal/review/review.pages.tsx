/**
 * The staff pages of review: `/<t>/review` (the caller's work queue),
 * `/<t>/review/applications/<id>` (one application, with the decision form or the
 * expert's scoring form), the posts of a decision and of a score (post, redirect, get;
 * a refusal shows the page again with each error beside its field and what was typed,
 * and a stale stage says so instead of failing), and `…/documents/<documentId>`, which
 * answers 303 to a short-lived presigned read, each read recorded. Only signed-in staff
 * of the tenant: anyone else gets the sign-in redirect or the 403 page.
 */
import { DomainError, type ResolvedTenant, type Stage } from '@sme/core';
import { type Claims, type Platform, programOf } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { member } from '../../middleware/tenant-scope/index.js';
import { DecisionBody } from '../../routes/shared-bodies.js';
import { type FieldErrors, readForm } from '../forms/form-errors.js';
import { catalogueNames } from '../publicity/catalogue-names.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { type PageState, ReviewApplicationPage } from './application-page.js';
import { DECISION_LABELS } from './decision-form.js';
import { QueueTable } from './queue-page.js';
import { type Criterion, scoreField } from './scoring-form.js';

type RefusalStatus = 200 | 409 | 422;

/** Where a refusal belongs on the page: beside a field, or at the top. */
function refusal(error: unknown, fieldOf: (path: string) => string | undefined) {
  if (!(error instanceof DomainError) || !['invalid', 'conflict'].includes(error.kind))
    return undefined;
  const path = (error as { path?: string }).path;
  const field = path ? fieldOf(path) : undefined;
  const status: RefusalStatus = error.kind === 'conflict' ? 409 : 422;
  return { field, status, detail: error.detail };
}

/** Whether the caller convenes `stage`'s panel (the rule of the panel page's use case). */
function convenes(claims: Claims, tenant: ResolvedTenant, stage: Stage | undefined): boolean {
  if (stage?.kind !== 'panel') return false;
  const home = stage.scope === 'province' ? (tenant.parent ?? tenant.id) : tenant.id;
  return claims.tenant === home && claims.roles.includes(stage.role);
}

/** The rubric's fields, each a number from 0 to the criterion's maximum. */
function scoreSchema(criteria: readonly Criterion[]) {
  return z.object(
    Object.fromEntries(
      criteria.map((c) => [scoreField(c.id), z.coerce.number().min(0).max(c.max)]),
    ),
  );
}

export function reviewPages(platform: Platform) {
  const { reviewDesk, review, panels, documentReads } = platform;

  async function applicationPage(
    c: Context,
    tenant: ResolvedTenant,
    id: string,
    state: PageState,
    status: RefusalStatus = 200,
  ) {
    const { claims } = member(c);
    const view = await reviewDesk.application(tenant, claims, id);
    const program = programOf(tenant, view.application.programId);
    return renderPage(
      c,
      { title: `${view.application.org.name} · 审核`, status },
      <ReviewApplicationPage
        tenant={tenant}
        program={program}
        view={view}
        names={catalogueNames([tenant])}
        csrf={csrfToken(c)}
        state={state}
        convenor={convenes(
          claims,
          tenant,
          program.stages.find((s) => s.id === view.application.stage),
        )}
      />,
    );
  }

  return new Hono()
    .get('/:t/review', async (c) => {
      const { tenant, claims } = member(c);
      const queue = await reviewDesk.queue(tenant, claims, {
        cursor: c.req.query('cursor'),
        limit: 50,
      });
      return renderPage(
        c,
        { title: '待办' },
        <>
          <h1>
            待办 <span class="en">My tasks</span>
          </h1>
          {queue.items.length === 0 ? (
            <p>暂无待办事项。Nothing to do.</p>
          ) : (
            <QueueTable tenant={tenant} rows={queue.items} names={catalogueNames([tenant])} />
          )}
          {queue.next && (
            <p class="pager">
              <a href={`/${tenant.id}/review?cursor=${encodeURIComponent(queue.next)}`}>
                下一页 Next page
              </a>
            </p>
          )}
        </>,
      );
    })
    .get('/:t/review/applications/:id', (c) => {
      const { tenant } = member(c);
      const done = c.req.query('done');
      return applicationPage(c, tenant, c.req.param('id'), {
        ...(done === 'decided' && {
          message: {
            tone: 'ok',
            text: { zh: '审核结果已提交。', en: 'Your decision is recorded.' },
          },
        }),
        ...(done === 'scored' && {
          message: { tone: 'ok', text: { zh: '已提交。', en: 'Submitted.' } },
        }),
      });
    })
    .get('/:t/review/applications/:id/documents/:documentId', async (c) => {
      const { tenant, claims } = member(c);
      const read = await documentReads.open(
        tenant,
        claims,
        c.req.param('id'),
        c.req.param('documentId'),
      );
      return c.redirect(read.url, 303);
    })
    .post('/:t/review/applications/:id/decision', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const posted = await c.req.parseBody();
      const values = {
        stage: String(posted.stage ?? ''),
        outcome: String(posted.outcome ?? ''),
        comment: String(posted.comment ?? ''),
      };
      const { data, errors } = readForm(DecisionBody, values, DECISION_LABELS, ['outcome']);
      if (!data) return applicationPage(c, tenant, id, { decision: { values, errors } }, 422);
      try {
        await review.decide(tenant, claims, id, data);
      } catch (error) {
        const refused = refusal(error, (path) =>
          path === 'comment' || path === 'outcome' ? path : undefined,
        );
        if (!refused) throw error;
        const fieldErrors: FieldErrors = refused.field ? { [refused.field]: refused.detail } : {};
        return applicationPage(
          c,
          tenant,
          id,
          {
            decision: { values, errors: fieldErrors },
            ...(!refused.field && { message: { tone: 'bad', text: refused.detail } }),
          },
          refused.status,
        );
      }
      return c.redirect(`/${tenant.id}/review/applications/${id}?done=decided#main`, 303);
    })
    .post('/:t/review/applications/:id/scores', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const view = await reviewDesk.application(tenant, claims, id);
      const stage = view.expert?.stage;
      if (!stage) return applicationPage(c, tenant, id, {}, 409);
      const posted = await c.req.parseBody();
      const values: Record<string, string> = {
        comment: String(posted.comment ?? ''),
        conflict: posted.conflict === 'yes' ? 'yes' : '',
      };
      for (const criterion of stage.criteria) {
        values[scoreField(criterion.id)] = String(posted[scoreField(criterion.id)] ?? '');
      }
      const conflict = values.conflict === 'yes';
      const labels = Object.fromEntries(stage.criteria.map((c) => [scoreField(c.id), c.name]));
      const read = conflict
        ? { data: {}, errors: {} }
        : readForm(scoreSchema(stage.criteria), values, labels);
      if (!read.data)
        return applicationPage(c, tenant, id, { scoring: { values, errors: read.errors } }, 422);
      const scores = Object.fromEntries(
        stage.criteria.map((c) => [c.id, Number(values[scoreField(c.id)])]),
      );
      const comment = values.comment?.trim();
      try {
        await panels.score(tenant, claims, id, {
          stage: stage.id,
          ...(conflict ? { conflict: true } : { scores }),
          ...(comment && { comment: comment.slice(0, 2000) }),
        });
      } catch (error) {
        const refused = refusal(error, (path) =>
          path.startsWith('scores.') ? scoreField(path.slice('scores.'.length)) : undefined,
        );
        if (!refused) throw error;
        const fieldErrors: FieldErrors = refused.field ? { [refused.field]: refused.detail } : {};
        return applicationPage(
          c,
          tenant,
          id,
          {
            scoring: { values, errors: fieldErrors },
            ...(!refused.field && { message: { tone: 'bad', text: refused.detail } }),
          },
          refused.status,
        );
      }
      return c.redirect(`/${tenant.id}/review/applications/${id}?done=scored#main`, 303);
    });
}
