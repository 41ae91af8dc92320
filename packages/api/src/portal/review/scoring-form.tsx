/**
 * An expert's part on a panel: the stage's rubric as number inputs (each criterion's
 * name and maximum), a comment, and the conflict-of-interest declaration, which when
 * ticked records the conflict instead of scores. Once submitted the score is locked:
 * the page then shows what was submitted, with the total the platform computed, and no
 * form.
 */
import type { LocalizedText } from '@sme/core';
import type { PanelScore } from '@sme/store';
import type { FC } from 'hono/jsx';
import { CsrfField, ErrorSummary, TextArea, TextField } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { beijing } from '../shell/text.js';

export interface Criterion {
  id: string;
  name: LocalizedText;
  max: number;
}

export interface ScoringFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The form field of a criterion: `score-<criterionId>`. */
export const scoreField = (criterionId: string) => `score-${criterionId}`;

const maxTotal = (criteria: readonly Criterion[]) => criteria.reduce((sum, c) => sum + c.max, 0);

export const ScoringForm: FC<{
  action: string;
  csrf: string;
  stage: { id: string; name: LocalizedText; criteria: readonly Criterion[] };
  form: ScoringFormState;
}> = ({ action, csrf, stage, form }) => (
  <form method="post" action={action} novalidate>
    <ErrorSummary errors={form.errors} />
    <CsrfField token={csrf} />
    <input type="hidden" name="stage" value={stage.id} />
    <fieldset>
      <legend>
        评分 <span class="en">Scores</span>（满分 {maxTotal(stage.criteria)} 分）
      </legend>
      {stage.criteria.map((criterion) => (
        <TextField
          id={scoreField(criterion.id)}
          type="number"
          inputMode="decimal"
          label={criterion.name}
          hint={`0 至 ${criterion.max} 分 · 0 to ${criterion.max} points`}
          value={form.values[scoreField(criterion.id)]}
          error={form.errors[scoreField(criterion.id)]}
          min={0}
          max={criterion.max}
          step="any"
        />
      ))}
      <p class="hint">总分由系统按各项得分计算。The total is computed from the scores.</p>
    </fieldset>
    <TextArea
      id="comment"
      label={{ zh: '评审意见', en: 'Comment' }}
      value={form.values.comment}
      error={form.errors.comment}
      maxLength={2000}
    />
    <fieldset>
      <legend>
        利益冲突声明 <span class="en">Conflict of interest</span>
      </legend>
      <div class="choice">
        <input
          type="checkbox"
          id="conflict"
          name="conflict"
          value="yes"
          checked={form.values.conflict === 'yes'}
          aria-describedby="conflict-hint"
        />
        <label for="conflict">
          本人与该申报单位存在利益冲突，申请回避{' '}
          <span class="en" lang="en">
            I have a conflict of interest with this applicant and withdraw
          </span>
        </label>
      </div>
      <p class="hint" id="conflict-hint">
        勾选后将只记录回避声明，不记录评分；提交后不可更改。 If ticked, the conflict is recorded
        instead of scores; it cannot be changed once submitted.
      </p>
    </fieldset>
    <p class="hint">评分提交后即锁定，不可修改。Scores lock when submitted.</p>
    <button type="submit">
      提交 <span class="en">Submit</span>
    </button>
  </form>
);

/** What the expert submitted, locked. */
export const SubmittedScore: FC<{ criteria: readonly Criterion[]; score: PanelScore }> = ({
  criteria,
  score,
}) =>
  score.conflict ? (
    <div class="notice-box" role="status">
      <p>
        您已于 {beijing(score.at)}（北京时间）声明与该申报单位存在利益冲突并回避评审，未记录评分。
      </p>
      <p class="en" lang="en">
        You declared a conflict of interest and withdrew; no scores were recorded.
      </p>
    </div>
  ) : (
    <>
      <div class="notice-box ok" role="status">
        <p>
          您已于 {beijing(score.at)}（北京时间）提交评分，评分已锁定。{' '}
          <span class="en" lang="en">
            Submitted and locked.
          </span>
        </p>
      </div>
      <div class="table-wrap">
        <table>
          <caption>
            已提交的评分 <span class="en">Submitted scores</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">评分项 Criterion</th>
              <th scope="col">满分 Max</th>
              <th scope="col">得分 Score</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr>
                <td>
                  {c.name.zh} <span class="en">{c.name.en}</span>
                </td>
                <td>{c.max}</td>
                <td>{score.scores[c.id] ?? '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">总分 Total</th>
              <td>{maxTotal(criteria)}</td>
              <td>
                <strong>{score.total}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {score.comment && (
        <p>
          评审意见 <span class="en">Comment</span>：<span class="text-block">{score.comment}</span>
        </p>
      )}
    </>
  );
