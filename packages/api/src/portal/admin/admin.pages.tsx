/**
 * The city admin's pages (the convenor of the panels and the publisher of notices):
 * the table of applications, panel assignment, the ranking with its batch decision,
 * publishing a notice and deciding objections. Every form posts, redirects on success
 * (303) and otherwise shows the page again with the refusal beside its field (422 for
 * what was filled in wrong, 409 for what changed meanwhile).
 */
import type { DomainError, LocalizedText } from '@sme/core';
import type { Platform } from '@sme/platform';
import { Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { applicationsPage } from './applications-page.js';
import { newNoticePage, noticesIndexPage, publishRefusal } from './notice-pages.js';
import { objectionsPage } from './objections-page.js';
import { panelPage, panelRefusal, readPanelForm } from './panel-page.js';
import { rankingPage, rankingRefusal, readRankingForm } from './ranking-page.js';

/** 409 for a refusal because of what changed meanwhile, 422 for what was filled in. */
const statusOf = (error: unknown) => ((error as DomainError).kind === 'conflict' ? 409 : 422);

const required = (label: LocalizedText): LocalizedText => ({
  zh: `请填写「${label.zh}」`,
  en: `Enter ${label.en}`,
});

export function adminPages(platform: Platform) {
  return new Hono()
    .get('/:t/admin/applications', (c) => applicationsPage(c, platform))
    .get('/:t/admin/applications/:id/panel', (c) => panelPage(c, platform))
    .post('/:t/admin/applications/:id/panel', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const { action, values } = await readPanelForm(c);
      const view = await platform.panelView.view(tenant, claims, id, c.req.query('stage'));
      const stage = view.stage.id;
      const reason = values.reason || undefined;
      try {
        if (action === 'draw') await platform.panels.draw(tenant, claims, id, { stage, reason });
        else
          await platform.panels.assign(tenant, claims, id, {
            stage,
            expertIds: values.expertIds,
            reason,
          });
      } catch (error) {
        const errors = panelRefusal(error);
        if (!errors) throw error;
        return panelPage(c, platform, { values, errors }, statusOf(error));
      }
      const done = action === 'draw' ? 'drawn' : 'assigned';
      return c.redirect(
        `/${tenant.id}/admin/applications/${id}/panel?stage=${stage}&done=${done}#main`,
        303,
      );
    })
    .get('/:t/admin/programs/:p/ranking', (c) => rankingPage(c, platform))
    .post('/:t/admin/programs/:p/ranking/decision', async (c) => {
      const { tenant, claims } = member(c);
      const programId = c.req.param('p');
      const posted = await readRankingForm(c);
      const stage = posted.stage || c.req.query('stage') || '';
      const values = {
        pass: posted.pass,
        comment: posted.comment,
        rejectRest: posted.rejectRest,
      };
      let result: { decided: number; skipped?: string[] };
      try {
        result = await platform.rankingDecision.decide(tenant, claims, programId, {
          stage,
          pass: posted.pass,
          reject: posted.reject,
          comment: posted.comment.trim(),
        });
      } catch (error) {
        const errors = rankingRefusal(error);
        if (!errors) throw error;
        return rankingPage(c, platform, { group: posted.group, values, errors }, statusOf(error));
      }
      const query = new URLSearchParams({
        stage,
        decided: String(result.decided),
        ...(result.skipped && { skipped: String(result.skipped.length) }),
      });
      return c.redirect(`/${tenant.id}/admin/programs/${programId}/ranking?${query}#main`, 303);
    })
    .get('/:t/admin/notices', (c) => noticesIndexPage(c, platform))
    .get('/:t/admin/notices/new', (c) => newNoticePage(c, platform))
    .post('/:t/admin/notices', async (c) => {
      const { tenant, claims } = member(c);
      const programId = c.req.query('program') ?? '';
      const posted = await c.req.parseBody({ all: true });
      const raw = posted.applicationIds;
      const applicationIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
        .map(String)
        .filter(Boolean);
      const values = { applicationIds };
      if (applicationIds.length === 0) {
        const errors: FieldErrors = {
          applicationIds: { zh: '请至少选择一项申报', en: 'Choose at least one application' },
        };
        return newNoticePage(c, platform, { values, errors }, 422);
      }
      let noticeId: string;
      try {
        noticeId = (await platform.publicity.publish(tenant, claims, { programId, applicationIds }))
          .id;
      } catch (error) {
        const errors = publishRefusal(error);
        if (!errors) throw error;
        return newNoticePage(c, platform, { values, errors }, statusOf(error));
      }
      return c.redirect(
        `/${tenant.id}/admin/notices/new?program=${programId}&published=${noticeId}#main`,
        303,
      );
    })
    .get('/:t/admin/notices/:id/objections', (c) => objectionsPage(c, platform))
    .post('/:t/admin/notices/:id/objections/:objectionId/decision', async (c) => {
      const { tenant, claims } = member(c);
      const noticeId = c.req.param('id');
      const objectionId = c.req.param('objectionId');
      const posted = await c.req.parseBody();
      const values = {
        upheld: typeof posted.upheld === 'string' ? posted.upheld : undefined,
        comment: String(posted.comment ?? ''),
      };
      const errors: FieldErrors = {};
      if (values.upheld !== 'yes' && values.upheld !== 'no')
        errors.upheld = { zh: '请选择「核查结论」', en: 'Choose the finding' };
      if (!values.comment.trim()) errors.comment = required({ zh: '核查意见', en: 'Comment' });
      else if (values.comment.trim().length > 2000)
        errors.comment = {
          zh: '「核查意见」最多 2000 个字',
          en: 'Comment: at most 2000 characters',
        };
      if (Object.keys(errors).length > 0)
        return objectionsPage(c, platform, { objectionId, values, errors }, 422);
      try {
        await platform.objections.decideObjection(tenant, claims, noticeId, objectionId, {
          upheld: values.upheld === 'yes',
          comment: values.comment.trim(),
        });
      } catch (error) {
        const { code, detail } = error as DomainError;
        if (code !== 'objection_decided' && code !== 'notice_closed') throw error;
        return objectionsPage(c, platform, { objectionId, values, errors: { form: detail } }, 409);
      }
      return c.redirect(
        `/${tenant.id}/admin/notices/${noticeId}/objections?decided=${objectionId}#main`,
        303,
      );
    });
}
