/**
 * The decision on the application's current stage: the outcomes the stage allows as
 * radio buttons with their Chinese names, and the reviewer's comment (the provider reads
 * it when an application is returned or refused). Posted without JavaScript; a refusal
 * comes back with each error beside its field and what was typed.
 */
import type { LocalizedText } from '@sme/core';
import type { FC } from 'hono/jsx';
import { CsrfField, ErrorSummary, TextArea } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';

export const OUTCOME_NAMES: Record<string, LocalizedText> = {
  pass: { zh: '通过', en: 'Pass' },
  return: { zh: '退回修改', en: 'Return for correction' },
  reject: { zh: '不予通过', en: 'Reject' },
};

export const DECISION_LABELS: Record<string, LocalizedText> = {
  outcome: { zh: '审核结果', en: 'Outcome' },
  comment: { zh: '审核意见', en: 'Comment' },
  stage: { zh: '审核环节', en: 'Stage' },
};

export interface DecisionFormState {
  values: { outcome?: string; comment?: string };
  errors: FieldErrors;
}

export const DecisionForm: FC<{
  action: string;
  csrf: string;
  stage: { id: string; name: LocalizedText };
  outcomes: readonly string[];
  form: DecisionFormState;
}> = ({ action, csrf, stage, outcomes, form }) => {
  const outcomeError = form.errors.outcome;
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary errors={form.errors} idPrefix="decision-" />
      <CsrfField token={csrf} />
      <input type="hidden" name="stage" value={stage.id} />
      <fieldset
        class={outcomeError ? 'field invalid' : 'field'}
        aria-describedby={outcomeError ? 'decision-outcome-error' : undefined}
      >
        <legend>
          {DECISION_LABELS.outcome?.zh} <span class="en">Outcome</span>
          <span aria-hidden="true"> *</span>
        </legend>
        {outcomeError && (
          <span class="error-text" id="decision-outcome-error">
            {outcomeError.zh}{' '}
            <span class="en" lang="en">
              {outcomeError.en}
            </span>
          </span>
        )}
        <div class="choices">
          {outcomes.map((outcome, i) => (
            <div class="choice">
              <input
                type="radio"
                name="outcome"
                value={outcome}
                id={i === 0 ? 'decision-outcome' : `decision-outcome-${outcome}`}
                checked={form.values.outcome === outcome}
                required
              />
              <label for={i === 0 ? 'decision-outcome' : `decision-outcome-${outcome}`}>
                {OUTCOME_NAMES[outcome]?.zh ?? outcome}{' '}
                <span class="en" lang="en">
                  {OUTCOME_NAMES[outcome]?.en ?? outcome}
                </span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextArea
        id="decision-comment"
        name="comment"
        label={{ zh: '审核意见', en: 'Comment' }}
        hint="退回修改或不予通过时请写明理由，服务商将看到此意见。Say why when returning or rejecting: the provider reads it."
        value={form.values.comment}
        error={form.errors.comment}
        maxLength={2000}
        required
      />
      <button type="submit">
        提交审核结果 <span class="en">Submit decision</span>
      </button>
    </form>
  );
};
