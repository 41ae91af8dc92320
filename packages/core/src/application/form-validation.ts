/**
 * Validates an application's `fields` against its program's field specs. A draft is
 * checked for shape only (types, ranges, known fields), so a provider can save half a
 * form; a submission also requires every required field of its track.
 */
import { z } from 'zod';
import { isCalendarDate } from '../calendar/shanghai-time.js';
import type { RuleViolation } from '../errors.js';
import type { FieldSpec } from '../tenant/form.schema.js';
import { formatPath } from '../tenant/format-path.js';

export type FormMode = 'draft' | 'submit';

const TEXT_LIMIT = 10_000;
const LIST_LIMIT = 200;

function valueSchema(field: FieldSpec, mode: FormMode): z.ZodType {
  const { min, max } = field;
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const floor = Math.max(min ?? 0, mode === 'submit' && field.required ? 1 : 0);
      return z
        .string()
        .trim()
        .min(floor, `至少 ${floor} 个字 / at least ${floor} characters`)
        .max(max ?? TEXT_LIMIT);
    }
    case 'number':
    case 'money': {
      let schema = z.number().finite();
      if (min !== undefined) schema = schema.min(min);
      if (max !== undefined) schema = schema.max(max);
      return field.type === 'money'
        ? schema.multipleOf(0.01, '金额最多两位小数 / at most 2 decimals')
        : schema;
    }
    case 'date':
      return z.string().refine(isCalendarDate, '应为日期 YYYY-MM-DD / expected a date YYYY-MM-DD');
    case 'boolean':
      return z.boolean();
    case 'select':
      return z.enum((field.options ?? []).map((o) => o.id) as [string, ...string[]]);
    case 'multiselect': {
      const options = z.enum((field.options ?? []).map((o) => o.id) as [string, ...string[]]);
      const floor = Math.max(min ?? 0, mode === 'submit' && field.required ? 1 : 0);
      return z
        .array(options)
        .min(floor)
        .max(max ?? field.options?.length ?? LIST_LIMIT);
    }
    case 'list': {
      const item = objectSchema(field.item ?? [], mode);
      const floor = mode === 'submit' ? Math.max(min ?? 0, field.required ? 1 : 0) : 0;
      return z
        .array(item)
        .min(floor, `至少 ${floor} 项 / at least ${floor} entries`)
        .max(max ?? LIST_LIMIT);
    }
  }
}

function objectSchema(fields: readonly FieldSpec[], mode: FormMode) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const value = valueSchema(field, mode);
    shape[field.id] = mode === 'submit' && field.required ? value : value.optional();
  }
  return z.strictObject(shape);
}

/** The parts of a zod issue a message is made from. */
type FormIssue = {
  path: PropertyKey[];
  message: string;
  code: string;
  keys?: string[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
};

/**
 * What is wrong with a value, in words people read: zod's own message names the
 * options' ids and its types (`expected one of "auto-parts"|…`), so only the messages
 * this file wrote itself (`中文 / English`) are passed on.
 */
function reasonOf(issue: FormIssue): { zh: string; en: string } {
  const own = issue.message.split(' / ');
  if (own.length === 2 && own[0] && own[1]) return { zh: own[0], en: own[1] };
  const unit =
    issue.origin === 'string'
      ? { zh: ' 个字', en: ' characters' }
      : issue.origin === 'array'
        ? { zh: ' 项', en: ' entries' }
        : { zh: '', en: '' };
  switch (issue.code) {
    case 'invalid_value':
      return { zh: '请从选项中选择', en: 'choose one of the options' };
    case 'invalid_type':
      return issue.expected === 'number'
        ? { zh: '应为数字', en: 'enter a number' }
        : { zh: '', en: 'not a valid value' };
    case 'too_small':
      return {
        zh: `${unit.zh ? '至少' : '不得小于'} ${issue.minimum}${unit.zh}`,
        en: `at least ${issue.minimum}${unit.en}`,
      };
    case 'too_big':
      return {
        zh: `${unit.zh ? '最多' : '不得大于'} ${issue.maximum}${unit.zh}`,
        en: `at most ${issue.maximum}${unit.en}`,
      };
    default:
      return { zh: '', en: 'not valid' };
  }
}

/** The fields that apply to an application in `track` (track-less fields apply to all). */
export function fieldsForTrack(
  fields: readonly FieldSpec[],
  track: string | undefined,
): FieldSpec[] {
  return fields.filter((f) => f.track === undefined || f.track === track);
}

/** A zod schema for `fields` of an application in `track`. */
export function formSchema(
  fields: readonly FieldSpec[],
  track: string | undefined,
  mode: FormMode,
) {
  return objectSchema(fieldsForTrack(fields, track), mode);
}

/** The spec of the field at `path` (entries of lists included), if there is one. */
function specAt(fields: readonly FieldSpec[], path: readonly PropertyKey[]): FieldSpec | undefined {
  let specs: readonly FieldSpec[] | undefined = fields;
  let found: FieldSpec | undefined;
  for (const key of path) {
    if (typeof key === 'number') continue;
    found = specs?.find((f) => f.id === key);
    specs = found?.item;
  }
  return found;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

/**
 * Form errors a clerk can act on: each names the field by its label from the program,
 * says whether it is missing or wrong, and points at `fields.<path>`.
 */
export function formViolations(
  fields: readonly FieldSpec[],
  data: unknown,
  issues: readonly FormIssue[],
): RuleViolation[] {
  return issues.map((issue) => {
    const path = formatPath(['fields', ...issue.path]);
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue.keys ?? []).join(', ');
      return {
        code: 'invalid_field',
        path,
        message: { zh: `该类型不需要这些字段：${keys}`, en: `Not fields of this track: ${keys}` },
      };
    }
    const label = specAt(fields, issue.path)?.label ?? {
      zh: String(issue.path.at(-1)),
      en: String(issue.path.at(-1)),
    };
    if (valueAt(data, issue.path) === undefined) {
      return {
        code: 'missing_field',
        path,
        message: { zh: `必填项「${label.zh}」未填写`, en: `${label.en} is required` },
      };
    }
    const reason = reasonOf(issue);
    return {
      code: 'invalid_field',
      path,
      message: {
        zh: `「${label.zh}」填写不符合要求${reason.zh ? `：${reason.zh}` : ''}`,
        en: `${label.en}: ${reason.en}`,
      },
    };
  });
}
