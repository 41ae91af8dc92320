/**
 * A refusal of the platform answered on the page it came from: the form as posted with
 * the refusal beside its field (an unlisted ground beside the ground) or above the form
 * (the case moved on, the time ran out), 409 for what changed, 422 for what was wrong,
 * 403 where a form's page may say who may not act. Anything else is thrown to the
 * error page.
 */
import { DomainError, type ErrorKind } from '@sme/core';
import type { SupervisionForm } from '../supervision/names.js';

const STATUS: Partial<Record<ErrorKind, 403 | 409 | 422>> = {
  conflict: 409,
  invalid: 422,
  forbidden: 403,
};

export async function attempt(
  form: SupervisionForm,
  run: () => Promise<unknown>,
  options: { kinds?: readonly ErrorKind[]; groundField?: string } = {},
): Promise<{ form: SupervisionForm; status: 403 | 409 | 422 } | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    const kinds = options.kinds ?? ['conflict', 'invalid'];
    const status = error instanceof DomainError && kinds.includes(error.kind) && STATUS[error.kind];
    if (!status) throw error;
    const field = error.code === 'unknown_ground' ? (options.groundField ?? 'ground') : 'form';
    return { form: { ...form, errors: { [field]: error.detail } }, status };
  }
}
