/**
 * What every supervision form does once its fields are read: refused as typed (422)
 * when a field is wrong; otherwise the use case runs, and its refusal comes back on
 * the page (an unknown ground beside the ground, anything else the case says above the
 * form: moved on, past due, pending; 409 for what changed meanwhile, 422 for what was
 * filled in wrong); on success the page is shown again through a redirect (303).
 * Refusals of who may act (forbidden, not found) stay error pages.
 */
import { DomainError } from '@sme/core';
import type { Context } from 'hono';
import type { FieldErrors } from '../forms/form-errors.js';
import type { SupervisionForm } from './names.js';

/** The page a form sits on, drawn again with the form as posted. */
export type Render = (c: Context, form: SupervisionForm, status: 409 | 422) => Promise<Response>;

export async function submit(
  c: Context,
  form: SupervisionForm,
  render: Render,
  run: () => Promise<unknown>,
  done: string,
): Promise<Response> {
  if (Object.values(form.errors).some(Boolean)) return render(c, form, 422);
  try {
    await run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind !== 'conflict' && error.kind !== 'invalid') throw error;
    const errors: FieldErrors =
      error.code === 'unknown_ground' ? { ground: error.detail } : { form: error.detail };
    return render(c, { ...form, errors }, error.kind === 'conflict' ? 409 : 422);
  }
  return c.redirect(done, 303);
}
