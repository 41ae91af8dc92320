/**
 * The posts of an application's form (`POST /<t>/me/applications/<id>`): adding or
 * removing a list entry (answered on the server, what was typed kept), saving, and
 * submitting (which saves first). A refusal answers the page again with each error
 * beside its input and what was typed in place; a stale version, with what was typed
 * kept for another try.
 */
import {
  DomainError,
  FieldsInvalidError,
  fieldsForTrack,
  IncompleteError,
  type RuleViolation,
  VersionConflictError,
  WindowClosedError,
} from '@sme/core';
import { type Platform, programOf } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { postedIdempotencyKey } from '../forms/idempotency-key.js';
import { detailPage, type Message } from './application-detail.js';
import { changeList, fieldsOf, first, type Raw } from './form-values.js';

/** Where a violation is shown: the input of its path, or the document's card. */
function errorsOf(violations: readonly RuleViolation[]) {
  const errors: FieldErrors = {};
  const others: RuleViolation[] = [];
  for (const v of violations) {
    if (v.path.startsWith('fields.') || v.path.startsWith('documents.'))
      errors[v.path] ??= v.message;
    else others.push(v);
  }
  return { errors, others };
}

/** The posted form as typed, every value a list (a multiselect posts many). */
async function readRaw(c: Context): Promise<Raw> {
  const body = await c.req.parseBody({ all: true });
  const raw: Raw = {};
  for (const [key, value] of Object.entries(body)) {
    raw[key] = ([] as unknown[]).concat(value).filter((v): v is string => typeof v === 'string');
  }
  return raw;
}

export function applicationFormPosts(platform: Platform) {
  const { applications, submission, queries } = platform;
  return new Hono().post('/:t/me/applications/:id', async (c) => {
    const { tenant, claims } = member(c);
    const id = c.req.param('id');
    const raw = await readRaw(c);
    const action = first(raw, 'action') || 'save';
    const { application: app } = await queries.get(tenant, claims, id);
    const specs = fieldsForTrack(programOf(tenant, app.programId).fields, app.track);
    if (action.startsWith('add:') || action.startsWith('remove:')) {
      const changed = changeList(specs, raw, action);
      return detailPage(c, platform, tenant, id, { raw: changed });
    }
    const version = Number.parseInt(first(raw, 'version'), 10);
    try {
      await applications.patch(
        tenant,
        claims,
        id,
        { fields: fieldsOf(specs, raw) },
        Number.isFinite(version) ? version : undefined,
      );
    } catch (error) {
      // The page itself says the call has closed, and no longer offers the form.
      if (error instanceof WindowClosedError) return detailPage(c, platform, tenant, id, {}, 409);
      if (error instanceof FieldsInvalidError)
        return detailPage(c, platform, tenant, id, { raw, ...errorsOf(error.violations) }, 422);
      if (error instanceof VersionConflictError) {
        const message: Message = {
          tone: 'bad',
          zh: '保存未成功：申报已在别处被修改（例如另一个窗口或上传了材料）。下方保留了您填写的内容，请核对后再次保存。',
          en: 'Not saved: the application changed meanwhile. What you typed is kept below; check it and save again.',
        };
        return detailPage(c, platform, tenant, id, { raw, message }, 409);
      }
      if (error instanceof DomainError && error.kind === 'conflict') {
        return detailPage(
          c,
          platform,
          tenant,
          id,
          { raw, message: { tone: 'bad', ...error.detail } },
          409,
        );
      }
      throw error;
    }
    if (action !== 'submit')
      return c.redirect(`/${tenant.id}/me/applications/${id}?saved=1#main`, 303);
    try {
      await submission.submit(tenant, claims, id, postedIdempotencyKey(raw));
    } catch (error) {
      if (error instanceof WindowClosedError) return detailPage(c, platform, tenant, id, {}, 409);
      if (error instanceof IncompleteError) {
        const message: Message = { tone: 'bad', ...error.detail };
        return detailPage(
          c,
          platform,
          tenant,
          id,
          { raw, message, ...errorsOf(error.violations) },
          422,
        );
      }
      if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'invalid')) {
        return detailPage(
          c,
          platform,
          tenant,
          id,
          { raw, message: { tone: 'bad', ...error.detail } },
          409,
        );
      }
      throw error;
    }
    return c.redirect(`/${tenant.id}/me/applications/${id}?submitted=1#main`, 303);
  });
}
