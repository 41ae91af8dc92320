/**
 * The application form, generated from the program's field specs for the chosen track:
 * each type as its control, a list as a group of entries with add and remove buttons
 * that work without script (the server answers with one entry more or fewer), each
 * error beside its input, and what was typed kept. Nothing is `required` in HTML: a
 * draft may be saved half-filled; the submission says what is missing.
 */
import type { FieldSpec } from '@sme/core';
import type { FC } from 'hono/jsx';
import { ErrorText, Select, TextArea, TextField } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { countName, countOf, first, inputId, inputName, type Raw } from './form-values.js';

const REQUIRED_HINT = '提交时必填 Required to submit';

function hintOf(spec: FieldSpec): string | undefined {
  const parts: string[] = [];
  if (spec.required) parts.push(REQUIRED_HINT);
  if (spec.type === 'money') parts.push('单位：元，最多两位小数 CNY, up to 2 decimals');
  if ((spec.type === 'number' || spec.type === 'money') && spec.min !== undefined)
    parts.push(`不小于 ${spec.min} At least ${spec.min}`);
  if ((spec.type === 'text' || spec.type === 'textarea') && spec.max !== undefined)
    parts.push(`最多 ${spec.max} 个字 At most ${spec.max} characters`);
  if (spec.type === 'list' && spec.max !== undefined)
    parts.push(`最多 ${spec.max} 项 At most ${spec.max} entries`);
  return parts.length ? parts.join('；') : undefined;
}

interface ControlProps {
  spec: FieldSpec;
  /** The input's name: the path the validation reports. */
  name: string;
  raw: Raw;
  errors: FieldErrors;
}

const Checkboxes: FC<ControlProps> = ({ spec, name, raw, errors }) => {
  const id = inputId(name);
  const chosen = new Set(raw[name] ?? []);
  const error = errors[name];
  const hint = hintOf(spec);
  return (
    <fieldset
      class={error ? 'field group invalid' : 'field group'}
      id={id}
      aria-describedby={
        [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>
        {spec.label.zh} <span class="en">{spec.label.en}</span>
      </legend>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <ErrorText id={`${id}-error`} error={error} />
      {(spec.options ?? []).map((option) => (
        <div class="check">
          <input
            type="checkbox"
            id={`${id}-${option.id}`}
            name={name}
            value={option.id}
            checked={chosen.has(option.id)}
          />
          <label for={`${id}-${option.id}`}>
            {option.name.zh} <span class="en">{option.name.en}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
};

const ListGroup: FC<ControlProps> = ({ spec, name, raw, errors }) => {
  const id = inputId(name);
  const n = countOf(raw, name);
  const error = errors[name];
  const hint = hintOf(spec);
  const full = spec.max !== undefined && n >= spec.max;
  return (
    <fieldset
      class={error ? 'field group list invalid' : 'field group list'}
      id={id}
      data-list={name}
    >
      <legend>
        {spec.label.zh} <span class="en">{spec.label.en}</span>
      </legend>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <ErrorText id={`${id}-error`} error={error} />
      <input type="hidden" name={countName(name)} value={String(n)} />
      {n === 0 && <p class="muted">尚未添加。None yet.</p>}
      {Array.from({ length: n }, (_, i) => {
        const entry = `${name}[${i}]`;
        return (
          <fieldset class="entry" id={inputId(entry)}>
            <legend>
              第 {i + 1} 项 <span class="en">Entry {i + 1}</span>
            </legend>
            {(spec.item ?? []).map((item) => (
              <Control spec={item} name={inputName(entry, item.id)} raw={raw} errors={errors} />
            ))}
            <button type="submit" class="secondary" name="action" value={`remove:${entry}`}>
              删除第 {i + 1} 项 <span class="en">Remove entry {i + 1}</span>
            </button>
          </fieldset>
        );
      })}
      {!full && (
        <button type="submit" class="secondary" name="action" value={`add:${name}`}>
          添加一项「{spec.label.zh}」 <span class="en">Add an entry</span>
        </button>
      )}
    </fieldset>
  );
};

export const Control: FC<ControlProps> = (props) => {
  const { spec, name, raw, errors } = props;
  const common = {
    id: inputId(name),
    name,
    label: spec.label,
    hint: hintOf(spec),
    error: errors[name],
  };
  switch (spec.type) {
    case 'textarea':
      return <TextArea {...common} value={first(raw, name)} maxLength={spec.max} />;
    case 'number':
    case 'money':
      return <TextField {...common} value={first(raw, name)} inputMode="decimal" />;
    case 'date':
      return <TextField {...common} type="date" value={first(raw, name)} />;
    case 'boolean':
      return (
        <Select
          {...common}
          value={first(raw, name)}
          placeholder="请选择 Choose"
          options={[
            { value: 'true', label: '是 Yes' },
            { value: 'false', label: '否 No' },
          ]}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          value={first(raw, name)}
          placeholder="请选择 Choose"
          options={(spec.options ?? []).map((o) => ({ value: o.id, label: o.name.zh }))}
        />
      );
    case 'multiselect':
      return <Checkboxes {...props} />;
    case 'list':
      return <ListGroup {...props} />;
    default:
      return <TextField {...common} value={first(raw, name)} maxLength={spec.max} />;
  }
};

/** Every field of the track, in the program's order. */
export const FormFields: FC<{ specs: readonly FieldSpec[]; raw: Raw; errors: FieldErrors }> = ({
  specs,
  raw,
  errors,
}) => (
  <>
    {specs.map((spec) => (
      <Control spec={spec} name={inputName('fields', spec.id)} raw={raw} errors={errors} />
    ))}
  </>
);
