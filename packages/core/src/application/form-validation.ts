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
  issues: readonly { path: PropertyKey[]; message: string; code: string; keys?: string[] }[],
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
    return {
      code: 'invalid_field',
      path,
      message: { zh: `「${label.zh}」填写不符合要求`, en: `${label.en}: ${issue.message}` },
    };
  });
}
