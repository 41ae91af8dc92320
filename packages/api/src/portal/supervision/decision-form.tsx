/**
 * A decision with a required comment, as the supervision desk takes it on a report
 * (accept or reject) and on an appeal (uphold or dismiss): radio buttons named
 * `outcome`, a comment, the refusal beside each.
 */
import type { LocalizedText } from '@sme/core';
import { CsrfField, ErrorText, TextArea } from '../forms/fields.js';
import { Refusal } from './form-parts.js';
import type { SupervisionForm } from './names.js';

export const COMMENT_LABEL = { zh: '审核意见', en: 'Comment' };
export const OUTCOME_LABEL = { zh: '结论', en: 'Decision' };

export function DecisionForm(props: {
  action: string;
  prefix: string;
  token: string;
  form: SupervisionForm | undefined;
  choices: readonly { value: string; label: LocalizedText }[];
}) {
  const { prefix, form } = props;
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.token} />
      <Refusal error={form?.errors.form} />
      <fieldset class={form?.errors.outcome ? 'field invalid' : 'field'}>
        <legend>
          {OUTCOME_LABEL.zh} <span class="en">{OUTCOME_LABEL.en}</span>
        </legend>
        <ErrorText id={`${prefix}-outcome-error`} error={form?.errors.outcome} />
        {props.choices.map((choice) => (
          <span>
            <input
              type="radio"
              id={`${prefix}-${choice.value}`}
              name="outcome"
              value={choice.value}
              checked={form?.values.outcome === choice.value}
            />{' '}
            <label for={`${prefix}-${choice.value}`}>
              {choice.label.zh} <span class="en">{choice.label.en}</span>
            </label>
          </span>
        ))}
      </fieldset>
      <TextArea
        id={`${prefix}-comment`}
        name="comment"
        label={COMMENT_LABEL}
        value={form?.values.comment}
        error={form?.errors.comment}
        maxLength={2000}
        required
      />
      <button type="submit">提交 Decide</button>
    </form>
  );
}
