/**
 * The filter form of a list (the published pool, the admin's applications): a search
 * by name or USCC, then a select per filter, sent as GET so every result is a link one
 * can share, and readable without script. One set of names for the filters, so a
 * district or a track is called the same on every list.
 */
import type { LocalizedText } from '@sme/core';
import type { Context } from 'hono';
import { Select, TextField } from './fields.js';

export const FILTER_LABELS = {
  q: { zh: '单位名称或信用代码', en: 'Name or USCC' },
  program: { zh: '申报项目', en: 'Call' },
  status: { zh: '状态', en: 'Status' },
  category: { zh: '服务商类别', en: 'Category' },
  track: { zh: '申报类别', en: 'Track' },
  industry: { zh: '服务行业', en: 'Industry' },
  region: { zh: '所在区市', en: 'District' },
} as const satisfies Record<string, LocalizedText>;

export type FilterKey = keyof typeof FILTER_LABELS;
export type FilterValues<K extends FilterKey> = Partial<Record<K, string>>;

export interface FilterSelect<K extends FilterKey> {
  key: Exclude<K, 'q'>;
  options: readonly { value: string; label: string }[];
}

/** The filters a request's query sets, trimmed and bounded (a search to 100 characters). */
export function readFilters<K extends FilterKey>(c: Context, keys: readonly K[]): FilterValues<K> {
  const filter: FilterValues<K> = {};
  for (const key of keys) {
    const value = c.req
      .query(key)
      ?.trim()
      .slice(0, key === 'q' ? 100 : 64);
    if (value) filter[key] = value;
  }
  return filter;
}

/** Choices named by a catalogue's map (id → name), as a select lists them. */
export const choicesOf = (names: ReadonlyMap<string, LocalizedText>) =>
  [...names].map(([value, name]) => ({ value, label: name.zh }));

/**
 * The search box and the selects, each showing the value now applied ("全部" for none);
 * `hidden` carries what the list's view keeps across a search.
 */
export const FilterForm = <K extends FilterKey>({
  action,
  values,
  selects,
  hidden = {},
}: {
  action: string;
  values: FilterValues<K>;
  selects: readonly FilterSelect<K>[];
  hidden?: Record<string, string>;
}) => (
  <form class="filters" method="get" action={action} aria-label="筛选 Filter">
    {Object.entries(hidden).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    <TextField
      id="q"
      type="search"
      label={FILTER_LABELS.q}
      value={(values as FilterValues<FilterKey>).q}
      maxLength={100}
    />
    {selects.map(({ key, options }) => (
      <Select
        id={key}
        label={FILTER_LABELS[key]}
        value={values[key]}
        placeholder="全部"
        options={options}
      />
    ))}
    <div class="field">
      <button type="submit">查询 Search</button>
    </div>
  </form>
);
