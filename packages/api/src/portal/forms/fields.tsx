/**
 * The form controls every page uses: a label tied to its control (`<label for>`), an
 * optional hint, the error beside the field (tied by `aria-describedby`, announced),
 * and the value that was typed kept in place.
 */
import type { LocalizedText } from '@sme/core';
import type { Child, FC } from 'hono/jsx';
import { CSRF_FIELD } from '../session/csrf.js';

interface FieldProps {
  id: string;
  name?: string;
  label: LocalizedText;
  hint?: string | undefined;
  error?: LocalizedText | undefined;
  required?: boolean;
}

const describedBy = (p: FieldProps) =>
  [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`].filter(Boolean).join(' ') || undefined;

/** An error beside its field (or group of controls), announced by the id it is described by. */
export const ErrorText: FC<{ id: string; error?: LocalizedText | undefined }> = ({ id, error }) =>
  error ? (
    <span class="error-text" id={id}>
      {error.zh}
      <span class="en" lang="en">
        {' '}
        {error.en}
      </span>
    </span>
  ) : null;

const FieldFrame: FC<FieldProps & { children?: Child }> = (p) => (
  <div class={p.error ? 'field invalid' : 'field'}>
    <label for={p.id}>
      {p.label.zh}{' '}
      <span class="en" lang="en">
        {p.label.en}
      </span>
      {p.required && <span aria-hidden="true"> *</span>}
    </label>
    {p.hint && (
      <span class="hint" id={`${p.id}-hint`}>
        {p.hint}
      </span>
    )}
    <ErrorText id={`${p.id}-error`} error={p.error} />
    {p.children}
  </div>
);

export const TextField: FC<
  FieldProps & {
    value?: string | undefined;
    type?: string;
    maxLength?: number | undefined;
    inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'search';
    pattern?: string;
    /** Numbers: the bounds and the step a browser checks before posting. */
    min?: number;
    max?: number;
    step?: string;
  }
> = (p) => (
  <FieldFrame {...p}>
    <input
      type={p.type ?? 'text'}
      id={p.id}
      name={p.name ?? p.id}
      value={p.value ?? ''}
      required={p.required}
      maxlength={p.maxLength}
      inputmode={p.inputMode}
      pattern={p.pattern}
      min={p.min}
      max={p.max}
      step={p.step}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(p)}
    />
  </FieldFrame>
);

export const TextArea: FC<
  FieldProps & { value?: string | undefined; maxLength?: number | undefined }
> = (p) => (
  <FieldFrame {...p}>
    <textarea
      id={p.id}
      name={p.name ?? p.id}
      required={p.required}
      maxlength={p.maxLength}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(p)}
    >
      {p.value ?? ''}
    </textarea>
  </FieldFrame>
);

export const Select: FC<
  FieldProps & {
    value?: string | undefined;
    options: readonly { value: string; label: string }[];
    placeholder?: string;
  }
> = (p) => (
  <FieldFrame {...p}>
    <select
      id={p.id}
      name={p.name ?? p.id}
      required={p.required}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(p)}
    >
      {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value}>
          {o.label}
        </option>
      ))}
    </select>
  </FieldFrame>
);

/** The form's token against cross-site forgery (every state-changing form has one). */
export const CsrfField: FC<{ token: string }> = ({ token }) => (
  <input type="hidden" name={CSRF_FIELD} value={token} />
);

/** A summary at the top of a refused form, linking to each field in error. */
export const ErrorSummary: FC<{
  errors: Partial<Record<string, LocalizedText>>;
  idPrefix?: string;
}> = ({ errors, idPrefix = '' }) => {
  const entries = Object.entries(errors).filter((e): e is [string, LocalizedText] => !!e[1]);
  if (entries.length === 0) return null;
  return (
    <div class="notice-box bad" role="alert" tabindex={-1} id="error-summary">
      <p>
        <strong>请修改以下内容后重新提交 Please correct the following:</strong>
      </p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${idPrefix}${field}`}>{message.zh}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};
