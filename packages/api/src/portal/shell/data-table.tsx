/**
 * The one table of records every page uses. On a wide screen it is a plain table; on a
 * phone (under 48rem, see `table.stack` in styles.ts) each row becomes a card whose row
 * header is its title and whose cells read "label value", so a column such as the due
 * date is never pushed past the right edge of the screen. The cells' labels come from
 * the same columns as the headers, so the two cannot drift apart.
 */
import type { LocalizedText } from '@sme/core';
import type { Child, FC } from 'hono/jsx';

/** A column: its header (Chinese, with the English beside it) and its cells' class. */
export interface Column extends LocalizedText {
  /** A shorter Chinese name for the phone's card, where the header says more. */
  short?: string;
  /** `num` right-aligns figures. */
  class?: string;
}

export const DataTable: FC<{
  columns: readonly Column[];
  caption?: Child;
  class?: string;
  children?: Child;
}> = ({ columns, caption, class: className, children }) => (
  <div class="table-wrap">
    <table class={className ? `stack ${className}` : 'stack'}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" class={column.class}>
              {column.zh}{' '}
              <span class="en" lang="en">
                {column.en}
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);

/** A cell, labelled on a phone with its column's (short) Chinese name. */
export const Cell: FC<{ column: Column; class?: string; children?: Child }> = ({
  column,
  class: className,
  children,
}) => (
  <td data-label={column.short ?? column.zh} class={className ?? column.class}>
    {children}
  </td>
);

/** The cell that names the row (an organization, a notice): the card's title on a phone. */
export const RowHead: FC<{ children?: Child }> = ({ children }) => <th scope="row">{children}</th>;
