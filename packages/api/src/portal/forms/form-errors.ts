/**
 * What a form post reads and what a page says back: the posted values (kept, so the
 * page shows what was typed), and for each field that does not fit, a message in
 * Chinese and English that names the field as the page labels it. zod's issues are
 * turned into these messages here, once, for every form.
 */
import type { LocalizedText } from '@sme/core';
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, LocalizedText>>;

export interface FormResult<T> {
  data?: T;
  errors: FieldErrors;
}

type Issue = z.core.$ZodIssue;

function sizeOf(issue: Issue & { origin?: string }, bound: number | bigint): LocalizedText {
  const n = Number(bound);
  switch (issue.origin) {
    case 'string':
      return { zh: `${n} 个字`, en: `${n} characters` };
    case 'array':
    case 'set':
      return { zh: `${n} 项`, en: `${n} entries` };
    default:
      return { zh: String(n), en: String(n) };
  }
}

export function issueText(issue: Issue, label: LocalizedText, choice = false): LocalizedText {
  switch (issue.code) {
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) {
        return { zh: `请填写「${label.zh}」`, en: `Enter ${label.en}` };
      }
      const size = sizeOf(issue, issue.minimum);
      const verb = issue.origin === 'string' || issue.origin === 'array' ? '至少' : '不得小于';
      return { zh: `「${label.zh}」${verb} ${size.zh}`, en: `${label.en}: at least ${size.en}` };
    }
    case 'too_big': {
      const size = sizeOf(issue, issue.maximum);
      const verb = issue.origin === 'string' || issue.origin === 'array' ? '最多' : '不得大于';
      return { zh: `「${label.zh}」${verb} ${size.zh}`, en: `${label.en}: at most ${size.en}` };
    }
    case 'invalid_type':
      return choice
        ? { zh: `请选择「${label.zh}」`, en: `Choose ${label.en}` }
        : { zh: `请填写「${label.zh}」`, en: `Enter ${label.en}` };
    case 'invalid_value':
      return { zh: `请为「${label.zh}」选择一项`, en: `Choose one for ${label.en}` };
    case 'invalid_format':
      return { zh: `「${label.zh}」格式不正确`, en: `${label.en} is not in the right format` };
    default:
      return { zh: `「${label.zh}」不符合要求`, en: `${label.en} is not valid` };
  }
}

/**
 * Validates a posted form against the schema the API uses for the same request, so a
 * page and the API accept exactly the same values. A field left empty is a field not
 * given (a browser posts an untouched select as `""`); `choices` names the fields one
 * picks rather than types, so the message says to choose.
 */
export function readForm<S extends z.ZodType>(
  schema: S,
  posted: Record<string, unknown>,
  labels: Record<string, LocalizedText>,
  choices: readonly string[] = [],
): FormResult<z.infer<S>> {
  const given = Object.fromEntries(
    Object.entries(posted).filter(
      ([, value]) => !(typeof value === 'string' && value.trim() === ''),
    ),
  );
  const result = schema.safeParse(given);
  if (result.success) return { data: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors[field]) continue;
    errors[field] = issueText(
      issue,
      labels[field] ?? { zh: field, en: field },
      choices.includes(field),
    );
  }
  return { errors };
}
