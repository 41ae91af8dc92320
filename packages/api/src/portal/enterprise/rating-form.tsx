/**
 * The enterprise's one rating of an accepted engagement: satisfaction as three radio
 * buttons with their Chinese names, and a comment. Refused values come back beside
 * their fields with what was typed; once rated, the rating reads back without a form.
 */
import {
  type Engagement,
  type LocalizedText,
  SATISFACTION_LEVELS,
  SATISFACTION_NAMES,
} from '@sme/core';
import type { FC } from 'hono/jsx';
import { CsrfField, ErrorSummary, ErrorText, TextArea } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { beijing } from '../shell/text.js';

export const RATING_LABELS: Record<string, LocalizedText> = {
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  comment: { zh: '评价意见', en: 'Comment' },
};

export interface RatingFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

export const RatingForm: FC<{
  action: string;
  csrf: string;
  prefix: string;
  form: RatingFormState;
}> = ({ action, csrf, prefix, form }) => {
  const error = form.errors.satisfaction;
  return (
    <form method="post" action={action} id={`${prefix}form`} novalidate>
      <ErrorSummary errors={form.errors} idPrefix={prefix} />
      <CsrfField token={csrf} />
      <fieldset
        class={error ? 'field invalid' : 'field'}
        aria-describedby={error ? `${prefix}satisfaction-error` : undefined}
      >
        <legend>
          {RATING_LABELS.satisfaction?.zh} <span class="en">Satisfaction</span>
          <span aria-hidden="true"> *</span>
        </legend>
        <ErrorText id={`${prefix}satisfaction-error`} error={error} />
        <div class="choices">
          {SATISFACTION_LEVELS.map((level, i) => {
            const id = i === 0 ? `${prefix}satisfaction` : `${prefix}satisfaction-${level}`;
            return (
              <div class="choice">
                <input
                  type="radio"
                  name="satisfaction"
                  value={level}
                  id={id}
                  checked={form.values.satisfaction === level}
                  required
                />
                <label for={id}>
                  {SATISFACTION_NAMES[level].zh}{' '}
                  <span class="en" lang="en">
                    {SATISFACTION_NAMES[level].en}
                  </span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <TextArea
        id={`${prefix}comment`}
        name="comment"
        label={RATING_LABELS.comment ?? { zh: '评价意见', en: 'Comment' }}
        hint="每项服务只能评价一次，提交后不能修改。One rating per engagement; it cannot be changed."
        value={form.values.comment}
        error={form.errors.comment}
        maxLength={2000}
        required
      />
      <button type="submit">
        提交评价 <span class="en">Submit rating</span>
      </button>
    </form>
  );
};

/** The rating as given, read only. */
export const RatingShown: FC<{ rating: NonNullable<Engagement['rating']> }> = ({ rating }) => (
  <dl class="rating">
    <dt>满意度 Satisfaction</dt>
    <dd>
      {SATISFACTION_NAMES[rating.satisfaction].zh}{' '}
      <span class="en" lang="en">
        {SATISFACTION_NAMES[rating.satisfaction].en}
      </span>
    </dd>
    <dt>评价意见 Comment</dt>
    <dd>{rating.comment}</dd>
    <dt>评价时间（北京时间） Rated at</dt>
    <dd>{beijing(rating.at)}</dd>
  </dl>
);
