/**
 * `/<t>/me/engagements`: a member's engagements (服务登记, issue 12 items 2 and 9), as a
 * list that downloads as CSV or Excel from the same rows, and the form registering one
 * from its contract; `/<t>/me/engagements/:id`: one engagement with its milestones and
 * the form recording the next. Every decision is the platform's (`supervision.
 * engagements`); a refusal (`exclusive_service`, a bad USCC, a milestone out of order)
 * comes back on the form in Chinese and English with what was typed kept.
 *
 * The forms post as forms; the upload script posts the same fields as JSON with the
 * declarations of the PDFs chosen, and gets back the presigned uploads, each with the
 * URL that completes (verifies) it, and where to go after: the platform's one document
 * mechanism, as for application documents.
 */
import type { Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { member } from '../../middleware/tenant-scope/index.js';
import { MilestoneBody, RegisterBody } from '../../routes/engagement.schemas.js';
import { readForm } from '../forms/form-errors.js';
import { postedIdempotencyKey } from '../forms/idempotency-key.js';
import { csrfToken } from '../session/csrf.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { Downloads, listDownload } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { EngagementDetail } from './engagement-detail.js';
import {
  EMPTY_FORM,
  type FormState,
  MILESTONE_LABELS,
  REGISTER_LABELS,
  RegisterForm,
} from './engagement-forms.js';
import {
  amountOf,
  completeRefusal,
  invalidJson,
  jsonOf,
  posted,
  refusalState,
  text,
  tickets,
} from './engagement-posts.js';
import { ENGAGEMENT_COLUMNS_EN, engagementsTable } from './engagements-table.js';

const DONE: Record<string, { zh: string; en: string }> = {
  registered: {
    zh: '服务已登记，待企业确认合同。',
    en: 'Registered: the enterprise is asked to confirm the contract.',
  },
  milestone: {
    zh: '环节已登记，待企业确认。',
    en: 'Recorded: the enterprise is asked to confirm it.',
  },
  reuploaded: {
    zh: '材料已重新上传并校验。',
    en: 'The document is uploaded and verified.',
  },
};

const COLUMNS: Column[] = engagementsTable('', [], new Date(0)).columns.map((col, i) => ({
  zh: col.header,
  en: ENGAGEMENT_COLUMNS_EN[i] ?? '',
}));

async function listPage(
  c: Context,
  platform: Platform,
  form: FormState = EMPTY_FORM,
  status: ContentfulStatusCode = 200,
) {
  const { tenant, claims } = member(c);
  const engagements = await platform.supervision.engagementReads.provided(tenant, claims);
  const table = engagementsTable(claims.name ?? '', engagements, platform.clock.now());
  const base = `/${tenant.id}/me/engagements`;
  return renderPage(
    c,
    { title: '服务登记', status, scripts: ['upload'] },
    <>
      <h1>
        服务登记 <span class="en">Engagements</span>
      </h1>
      <p class="muted">
        登记为试点企业提供的服务：自合同签订起，依次登记实施方案、项目改造、内部验收、评测验收，每个环节经企业确认。
        <span class="en" lang="en">
          {' '}
          Register each service you give a pilot enterprise from its contract, then each milestone;
          the enterprise confirms each.
        </span>
      </p>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">
          我的服务登记 <span class="en">My engagements</span>
        </h2>
        <Downloads href={`${base}/download`} label={table.name} />
        {engagements.length === 0 ? (
          <p>
            暂无服务登记。
            <span class="en" lang="en">
              {' '}
              No engagements yet.
            </span>
          </p>
        ) : (
          <DataTable columns={COLUMNS} caption={table.title}>
            {engagements.map((e, row) => {
              const [, ...cells] = table.rows[row] ?? [];
              return (
                <tr>
                  <RowHead>
                    <a href={`${base}/${e.id}`}>{e.title}</a>
                  </RowHead>
                  {cells.map((cell, i) => (
                    <Cell column={COLUMNS[i + 1] ?? { zh: '', en: '' }}>{cell}</Cell>
                  ))}
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">
          登记新的服务 <span class="en">Register an engagement</span>
        </h2>
        <RegisterForm action={base} csrf={csrfToken(c)} form={form} />
      </section>
    </>,
  );
}

async function detailPage(
  c: Context,
  platform: Platform,
  form: FormState = EMPTY_FORM,
  status: ContentfulStatusCode = 200,
) {
  const { tenant, claims } = member(c);
  const engagement = await platform.supervision.engagementReads.provider(
    tenant,
    claims,
    c.req.param('id') ?? '',
  );
  const base = `/${tenant.id}/me/engagements/${engagement.id}`;
  const done = DONE[c.req.query('done') ?? ''];
  return renderPage(
    c,
    { title: engagement.title, status, scripts: ['upload'] },
    <>
      <p>
        <a href={`/${tenant.id}/me/engagements`}>← 服务登记 Engagements</a>
      </p>
      <h1>{engagement.title}</h1>
      {done && (
        <div class="notice-box ok" role="status">
          <p>
            {done.zh}{' '}
            <span class="en" lang="en">
              {done.en}
            </span>
          </p>
        </div>
      )}
      <EngagementDetail base={base} engagement={engagement} csrf={csrfToken(c)} form={form} />
    </>,
  );
}

/**
 * The upload script's re-upload of a pending document (`engagement-reupload.tsx`): the
 * chosen file's size and SHA-256 come with it, so a file not the one declared is refused
 * before it is sent. Without script (no file hashed) it is back to the page.
 */
async function reupload(c: Context, platform: Platform) {
  const { tenant, claims } = member(c);
  const { id = '', documentId = '' } = c.req.param();
  const { json, body } = await posted(c);
  const base = `/${tenant.id}/me/engagements/${id}`;
  if (!json) return c.redirect(base, 303);
  const [chosen] = Array.isArray(body.documents) ? body.documents : [];
  const file = (chosen ?? {}) as { size?: unknown; sha256?: unknown };
  try {
    const ticket = await platform.supervision.engagementDocuments.reissueUpload(
      tenant,
      claims,
      id,
      documentId,
      { size: typeof file.size === 'number' ? file.size : -1, sha256: text(file.sha256) },
    );
    return c.json(tickets(base, [ticket], `${base}?done=reuploaded`), 200);
  } catch (error) {
    return completeRefusal(c, error);
  }
}

export function providerEngagementPages(platform: Platform) {
  const { engagements, engagementDocuments } = platform.supervision;
  return new Hono()
    .get('/:t/me/engagements', (c) => listPage(c, platform))
    .get('/:t/me/engagements/download', async (c) => {
      const { tenant, claims } = member(c);
      const list = await platform.supervision.engagementReads.provided(tenant, claims);
      const now = platform.clock.now();
      return listDownload(c, engagementsTable(claims.name ?? '', list, now), now);
    })
    .post('/:t/me/engagements', async (c) => {
      const { tenant, claims } = member(c);
      const { json, body } = await posted(c);
      const fields = ['enterpriseUscc', 'kind', 'title', 'contractSignedAt', 'amount'] as const;
      const values = Object.fromEntries(fields.map((f) => [f, text(body[f]).trim()]));
      const amount = amountOf(values.amount ?? '');
      const { data, errors } = readForm(
        RegisterBody,
        { ...values, amount, ...(json && { documents: body.documents }) },
        REGISTER_LABELS,
        ['kind'],
      );
      if (typeof amount === 'string')
        errors.amount = { zh: '「合同金额（元）」须为数字', en: 'Amount (CNY) must be a number' };
      if (!data || errors.amount) {
        if (json) return invalidJson(c, errors);
        return listPage(c, platform, { values, errors }, 422);
      }
      try {
        const done = await engagements.register(tenant, claims, data, postedIdempotencyKey(body));
        const base = `/${tenant.id}/me/engagements/${done.engagement.id}`;
        const next = `${base}?done=registered`;
        if (json) return c.json(tickets(base, done.uploads, next), 201);
        return c.redirect(next, 303);
      } catch (error) {
        const state = refusalState(error, values, fields);
        if (json) return jsonOf(c, state);
        return listPage(c, platform, state, state.status);
      }
    })
    .get('/:t/me/engagements/:id', (c) => detailPage(c, platform))
    .post('/:t/me/engagements/:id/milestones', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const { json, body } = await posted(c);
      const values = { kind: text(body.kind), summary: text(body.summary) };
      const { data, errors } = readForm(
        MilestoneBody,
        { ...values, ...(json && { documents: body.documents }) },
        MILESTONE_LABELS,
      );
      if (!data) {
        if (json) return invalidJson(c, errors);
        return detailPage(c, platform, { values, errors }, 422);
      }
      try {
        const done = await engagements.addMilestone(tenant, claims, id, data);
        const base = `/${tenant.id}/me/engagements/${id}`;
        const next = `${base}?done=milestone#m-${data.kind}`;
        if (json) return c.json(tickets(base, done.uploads, next), 201);
        return c.redirect(next, 303);
      } catch (error) {
        const state = refusalState(error, values, ['summary']);
        if (json) return jsonOf(c, state);
        return detailPage(c, platform, state, state.status);
      }
    })
    .post('/:t/me/engagements/:id/documents/:documentId/upload', (c) => reupload(c, platform))
    .post('/:t/me/engagements/:id/documents/:documentId/complete', async (c) => {
      const { tenant, claims } = member(c);
      try {
        const { id, documentId } = c.req.param();
        return c.json(await engagementDocuments.complete(tenant, claims, id, documentId), 200);
      } catch (error) {
        return completeRefusal(c, error);
      }
    })
    .get('/:t/me/engagements/:id/documents/:documentId', async (c) => {
      const { tenant, claims } = member(c);
      const { id, documentId } = c.req.param();
      const { url } = await engagementDocuments.open(tenant, claims, id, documentId);
      return c.redirect(url, 303);
    });
}
