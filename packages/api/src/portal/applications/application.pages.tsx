/**
 * The provider's pages of one application, `/<t>/me/applications/<id>`: the page itself
 * (application-detail.tsx), the posts of its form, withdrawal, and the JSON endpoints of
 * the upload script, each in its own file and mounted here.
 */
import type { Platform } from '@sme/platform';
import { Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { detailPage, MESSAGES } from './application-detail.js';
import { applicationDocumentEndpoints } from './application-documents.routes.js';
import { applicationFormPosts } from './application-form.posts.js';
import { withdrawPages } from './withdraw.pages.js';

export function applicationPages(platform: Platform) {
  return new Hono()
    .get('/:t/me/applications/:id', (c) => {
      const { tenant } = member(c);
      const done = Object.keys(MESSAGES).find((k) => c.req.query(k) === '1');
      return detailPage(c, platform, tenant, c.req.param('id'), {
        ...(done && { message: MESSAGES[done] }),
      });
    })
    .route('/', applicationFormPosts(platform))
    .route('/', withdrawPages(platform))
    .route('/', applicationDocumentEndpoints(platform));
}
