/**
 * Validates an application's `fields` against its program's field specs. A draft is
 * checked for shape only (types, ranges, known fields), so a provider can save half a
 * form; a submission also requires every required field of its track.
 */
import { z } from 'zod';
import { isCalendarDate } from '../calendar/shanghai-time.js';
import type { FieldSpec } from '../tenant/form.schema.js';

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
