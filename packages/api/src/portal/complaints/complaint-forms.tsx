/**
 * The forms of complaints and spot checks: the enterprise's complaint (a ground of the
 * tenant's complaint rule, a description), the provider's reply, the bureau's resolution
 * (upheld or not, a comment, optionally a rectification on a ground the tenant lists)
 * and a spot check. Each works without script, carries the form token, and shows what
 * was typed with each refusal beside its field (a refusal of the case above the form).
 */
import {
  type Clause,
  type LocalizedText,
  SPOT_CHECK_METHOD_NAMES,
  SPOT_CHECK_METHODS,
} from '@sme/core';
import type { Child } from 'hono/jsx';
import { CsrfField, ErrorText, Select, TextArea } from '../forms/fields.js';
import { IdempotencyKeyField } from '../forms/idempotency-key.js';
import { groundOption, type SupervisionForm } from '../supervision/names.js';

export const COMPLAINT_LABELS = {
  ground: { zh: '投诉事由', en: 'Ground' },
  description: { zh: '投诉内容', en: 'Description' },
};
export const REPLY_LABEL = { zh: '答复内容', en: 'Reply' };
export const RESOLUTION_LABELS = {
  outcome: { zh: '处理结论', en: 'Decision' },
  comment: { zh: '处理意见', en: 'Comment' },
  rectifyGround: { zh: '责令整改事由', en: 'Rectification ground' },
  rectifyDetail: { zh: '整改要求', en: 'What to rectify' },
};
export const SPOT_CHECK_LABELS = {
  uscc: { zh: '被抽查服务商', en: 'Member' },
  method: { zh: '抽查方式', en: 'Method' },
  findings: { zh: '抽查发现', en: 'Findings' },
};

/** A refusal that concerns the whole form (the case moved on, the time ran out). */
export function FormProblem({ error }: { error: LocalizedText | undefined }) {
  if (!error) return null;
  return (
    <p class="notice-box bad" role="alert">
      {error.zh}{' '}
      <span class="en" lang="en">
        {error.en}
      </span>
    </p>
  );
}

/** Radio buttons in a fieldset, the refusal under the legend. */
function Choices(props: {
  prefix: string;
  name: string;
  legend: LocalizedText;
  choices: readonly { value: string; label: LocalizedText }[];
  form: SupervisionForm | undefined;
}) {
  const error = props.form?.errors[props.name];
  const errorId = `${props.prefix}-${props.name}-error`;
  return (
    <fieldset
      class={error ? 'field invalid' : 'field'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {props.legend.zh} <span class="en">{props.legend.en}</span>
        <span aria-hidden="true"> *</span>
      </legend>
      <ErrorText id={errorId} error={error} />
      <div class="choices">
        {props.choices.map((choice) => (
          <div class="choice">
            <input
              type="radio"
              id={`${props.prefix}-${props.name}-${choice.value}`}
              name={props.name}
              value={choice.value}
              checked={props.form?.values[props.name] === choice.value}
            />{' '}
            <label for={`${props.prefix}-${props.name}-${choice.value}`}>
              {choice.label.zh}{' '}
              <span class="en" lang="en">
                {choice.label.en}
              </span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

interface FormProps {
  action: string;
  prefix: string;
  token: string;
  form: SupervisionForm | undefined;
}

function PostForm(props: FormProps & { submit: Child; children: Child }) {
  return (
    <form method="post" action={props.action} id={`${props.prefix}-form`} novalidate>
      <CsrfField token={props.token} />
      <FormProblem error={props.form?.errors.form} />
      {props.children}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

/** The enterprise's complaint about the provider of one engagement, folded until opened. */
export function ComplaintForm(props: FormProps & { grounds: readonly Clause[] }) {
  const { prefix, form } = props;
  return (
    <details class="complaint" open={form !== undefined}>
      <summary>
        投诉该服务商 <span class="en">Complain about this provider</span>
      </summary>
      <PostForm
        {...props}
        submit={
          <>
            提交投诉 <span class="en">Submit complaint</span>
          </>
        }
      >
        <IdempotencyKeyField />
        <Select
          id={`${prefix}-ground`}
          name="ground"
          label={COMPLAINT_LABELS.ground}
          placeholder="请选择 Choose"
          options={props.grounds.map(groundOption)}
          value={form?.values.ground}
          error={form?.errors.ground}
          required
        />
        <TextArea
          id={`${prefix}-description`}
          name="description"
          label={COMPLAINT_LABELS.description}
          hint="请如实说明情况；服务商可在规定期限内答复。Say what happened; the provider may reply within the set time."
          value={form?.values.description}
          error={form?.errors.description}
          maxLength={5000}
          required
        />
      </PostForm>
    </details>
  );
}

export function ReplyForm(props: FormProps) {
  return (
    <PostForm
      {...props}
      submit={
        <>
          提交答复 <span class="en">Send reply</span>
        </>
      }
    >
      <TextArea
        id={`${props.prefix}-text`}
        name="text"
        label={REPLY_LABEL}
        value={props.form?.values.text}
        error={props.form?.errors.text}
        maxLength={5000}
        required
      />
    </PostForm>
  );
}

export function ResolutionForm(props: FormProps & { grounds: readonly Clause[] }) {
  const { prefix, form } = props;
  return (
    <PostForm
      {...props}
      submit={
        <>
          提交处理结果 <span class="en">Resolve</span>
        </>
      }
    >
      <Choices
        prefix={prefix}
        name="outcome"
        legend={RESOLUTION_LABELS.outcome}
        form={form}
        choices={[
          { value: 'upheld', label: { zh: '投诉成立', en: 'Uphold' } },
          { value: 'dismissed', label: { zh: '投诉不成立', en: 'Dismiss' } },
        ]}
      />
      <TextArea
        id={`${prefix}-comment`}
        name="comment"
        label={RESOLUTION_LABELS.comment}
        value={form?.values.comment}
        error={form?.errors.comment}
        maxLength={2000}
        required
      />
      <Select
        id={`${prefix}-rectifyGround`}
        name="rectifyGround"
        label={RESOLUTION_LABELS.rectifyGround}
        hint="投诉成立时可同时责令限期整改（可选）。Upheld only: order rectification in the same step (optional)."
        placeholder="不责令整改 No rectification"
        options={props.grounds.map(groundOption)}
        value={form?.values.rectifyGround}
        error={form?.errors.rectifyGround}
      />
      <TextArea
        id={`${prefix}-rectifyDetail`}
        name="rectifyDetail"
        label={RESOLUTION_LABELS.rectifyDetail}
        hint="选择整改事由时必填。Required with a rectification ground."
        value={form?.values.rectifyDetail}
        error={form?.errors.rectifyDetail}
        maxLength={2000}
      />
    </PostForm>
  );
}

export function SpotCheckForm(
  props: FormProps & { members: readonly { value: string; label: string }[] },
) {
  const { prefix, form } = props;
  return (
    <PostForm
      {...props}
      submit={
        <>
          记录抽查 <span class="en">Record spot check</span>
        </>
      }
    >
      <IdempotencyKeyField />
      <Select
        id={`${prefix}-uscc`}
        name="uscc"
        label={SPOT_CHECK_LABELS.uscc}
        placeholder="请选择 Choose"
        options={props.members}
        value={form?.values.uscc}
        error={form?.errors.uscc}
        required
      />
      <Choices
        prefix={prefix}
        name="method"
        legend={SPOT_CHECK_LABELS.method}
        form={form}
        choices={SPOT_CHECK_METHODS.map((m) => ({ value: m, label: SPOT_CHECK_METHOD_NAMES[m] }))}
      />
      <TextArea
        id={`${prefix}-findings`}
        name="findings"
        label={SPOT_CHECK_LABELS.findings}
        value={form?.values.findings}
        error={form?.errors.findings}
        maxLength={5000}
        required
      />
    </PostForm>
  );
}
