/**
 * Between the application's `fields` and a posted form. Every input is named by the
 * path the API's validation reports (`fields.cases[0].client`), so each refusal lands
 * beside its input. What was typed is kept as typed (`Raw`); `fieldsOf` turns it into
 * the values the API takes, leaving anything it cannot read as typed, so the same
 * validation as the API's refuses it with the same words.
 */
import type { FieldSpec } from '@sme/core';

/** What a form holds, by input name, as the browser posts it. */
export type Raw = Record<string, string[]>;

export const inputName = (path: string, id: string) => `${path}.${id}`;
/** How many entries a list shows (a hidden input), so an empty entry survives a post. */
export const countName = (path: string) => `count:${path}`;
/** An `id` attribute for a path: `f-fields-cases-0-client`. */
export const inputId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

export const first = (raw: Raw, name: string) => raw[name]?.[0] ?? '';

/** The stored values as a form shows them. */
export function rawOf(
  specs: readonly FieldSpec[],
  values: Record<string, unknown>,
  path = 'fields',
): Raw {
  const raw: Raw = {};
  for (const spec of specs) {
    const name = inputName(path, spec.id);
    const value = values[spec.id];
    if (spec.type === 'list') {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      raw[countName(name)] = [String(items.length)];
      for (const [i, item] of items.entries())
        Object.assign(raw, rawOf(spec.item ?? [], item ?? {}, `${name}[${i}]`));
    } else if (spec.type === 'multiselect') {
      raw[name] = Array.isArray(value) ? value.map(String) : [];
    } else if (value !== undefined && value !== null) {
      raw[name] = [String(value)];
    }
  }
  return raw;
}

/** The entries a list shows. */
export function countOf(raw: Raw, name: string): number {
  const n = Number.parseInt(first(raw, countName(name)), 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 200) : 0;
}

function valueIn(spec: FieldSpec, raw: Raw, name: string): unknown {
  const text = first(raw, name).trim();
  switch (spec.type) {
    case 'number':
    case 'money': {
      if (text === '') return undefined;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'multiselect': {
      const chosen = (raw[name] ?? []).filter((v) => v !== '');
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'list': {
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < countOf(raw, name); i += 1)
        items.push(objectOf(spec.item ?? [], raw, `${name}[${i}]`));
      return items;
    }
    default:
      // Text as typed (the validation trims it, as the API's does).
      return first(raw, name) === '' ? undefined : first(raw, name);
  }
}

function objectOf(specs: readonly FieldSpec[], raw: Raw, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = valueIn(spec, raw, inputName(path, spec.id));
    if (value !== undefined) out[spec.id] = value;
  }
  return out;
}

/**
 * The posted form as the PATCH's `fields`: every field of the track, a field left empty
 * as `null` (which clears it).
 */
export function fieldsOf(specs: readonly FieldSpec[], raw: Raw): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) out[spec.id] = valueIn(spec, raw, inputName('fields', spec.id)) ?? null;
  return out;
}

/**
 * One more or one fewer entry of a list (`add:fields.cases`, `remove:fields.cases[2]`),
 * keeping every other value as typed: the entries after a removed one move up.
 */
export function changeList(specs: readonly FieldSpec[], raw: Raw, action: string): Raw {
  const add = /^add:(fields\.[A-Za-z0-9]+)$/.exec(action);
  if (add?.[1]) {
    const name = add[1];
    return { ...raw, [countName(name)]: [String(countOf(raw, name) + 1)] };
  }
  const remove = /^remove:(fields\.[A-Za-z0-9]+)\[(\d+)\]$/.exec(action);
  if (!remove?.[1] || !remove[2]) return raw;
  const name = remove[1];
  const index = Number(remove[2]);
  const spec = specs.find((s) => inputName('fields', s.id) === name);
  const n = countOf(raw, name);
  if (!spec || index >= n) return raw;
  const next: Raw = {};
  const prefix = `${name}[`;
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(prefix)) next[key] = value;
  }
  for (let i = 0, j = 0; i < n; i += 1) {
    if (i === index) continue;
    for (const item of spec.item ?? []) {
      const value = raw[inputName(`${name}[${i}]`, item.id)];
      if (value) next[inputName(`${name}[${j}]`, item.id)] = value;
    }
    j += 1;
  }
  next[countName(name)] = [String(n - 1)];
  return next;
}
