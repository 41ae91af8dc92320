/**
 * An application's answers as a reader sees them: every field of the program that
 * applies to its track, labelled as the form labels it, with values as people write
 * them (money as `¥1,000,000`, a choice by its name, yes or no), and each repeating
 * group (cases, products) as a table. Read-only; the form itself is the provider's.
 */
import { type FieldSpec, fieldsForTrack, type Program } from '@sme/core';
import type { FC } from 'hono/jsx';

const MONEY = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** `¥1,234,567.5`: yuan with thousands separators. */
export function money(value: number): string {
  return `¥${MONEY.format(value)}`;
}

const optionName = (spec: FieldSpec, id: unknown) =>
  spec.options?.find((o) => o.id === id)?.name.zh ?? String(id);

const NotGiven: FC = () => <span class="muted">未填写 Not given</span>;

/** One value of a field that is not a repeating group, as text. */
export function valueText(spec: FieldSpec, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (spec.type) {
    case 'money':
      return typeof value === 'number' ? money(value) : String(value);
    case 'number':
      return typeof value === 'number' ? NUMBER.format(value) : String(value);
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'select':
      return optionName(spec, value);
    case 'multiselect':
      return Array.isArray(value)
        ? value.map((v) => optionName(spec, v)).join('、')
        : optionName(spec, value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

const Value: FC<{ spec: FieldSpec; value: unknown }> = ({ spec, value }) => {
  const text = valueText(spec, value);
  if (text === undefined) return <NotGiven />;
  return <span class={spec.type === 'textarea' ? 'text-block' : undefined}>{text}</span>;
};

/**
 * A repeating group as a table: one row per entry, one column per field of an entry. On
 * a phone each entry becomes a card of labelled values (`table.stack`), as lists do.
 */
const GroupTable: FC<{ spec: FieldSpec; value: unknown; idPrefix: string }> = ({
  spec,
  value,
  idPrefix,
}) => {
  const entries = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const item = spec.item ?? [];
  return (
    <div class="table-wrap" id={`${idPrefix}${spec.id}`}>
      <table class="stack">
        <caption>
          {spec.label.zh}{' '}
          <span class="en" lang="en">
            {spec.label.en}
          </span>
          {entries.length > 0 && <span class="muted">（共 {entries.length} 项）</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">序号 No.</th>
            {item.map((field) => (
              <th scope="col">
                {field.label.zh} <span class="en">{field.label.en}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? (
            <tr>
              <td colspan={item.length + 1}>
                <NotGiven />
              </td>
            </tr>
          ) : (
            entries.map((entry, i) => (
              <tr>
                <td data-label="序号 No.">{i + 1}</td>
                {item.map((field) => (
                  <td data-label={field.label.zh}>
                    {field.type === 'list' ? (
                      <GroupTable
                        spec={field}
                        value={entry?.[field.id]}
                        idPrefix={`${idPrefix}${i}-`}
                      />
                    ) : (
                      <Value spec={field} value={entry?.[field.id]} />
                    )}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
};

export const FieldValues: FC<{
  program: Program;
  track?: string | undefined;
  values: Record<string, unknown>;
  /** Prefix of each group table's id, for links into the page. */
  idPrefix?: string;
}> = ({ program, track, values, idPrefix = 'field-' }) => {
  const fields = fieldsForTrack(program.fields, track);
  const scalars = fields.filter((f) => f.type !== 'list');
  const groups = fields.filter((f) => f.type === 'list');
  return (
    <div class="field-values">
      {scalars.length > 0 && (
        <dl class="facts">
          {scalars.map((spec) => (
            <>
              <dt>
                {spec.label.zh}{' '}
                <span class="en" lang="en">
                  {spec.label.en}
                </span>
              </dt>
              <dd>
                <Value spec={spec} value={values[spec.id]} />
              </dd>
            </>
          ))}
        </dl>
      )}
      {groups.map((spec) => (
        <GroupTable spec={spec} value={values[spec.id]} idPrefix={idPrefix} />
      ))}
    </div>
  );
};
