import type { Key, ReactNode } from 'react';

/** One column of a RowTable: its heading and what each row shows in it. */
export interface RowTableColumn<R> {
  readonly heading: ReactNode;
  readonly cell: (row: R, index: number) => ReactNode;
  /** Class of the column's body cells, e.g. 'num' for right-aligned figures. */
  readonly className?: string;
}

/**
 * A table with one heading row and one row per item, the first column the row's header
 * (so a screen reader names each figure by its row and its column).
 */
export function RowTable<R>({
  rows,
  columns,
  rowKey,
  rowClassName,
  className,
}: {
  readonly rows: readonly R[];
  /** The first is the row header (a th), the others data cells. */
  readonly columns: readonly [RowTableColumn<R>, ...RowTableColumn<R>[]];
  readonly rowKey: (row: R, index: number) => Key;
  readonly rowClassName?: (row: R, index: number) => string | undefined;
  readonly className?: string;
}) {
  const [header, ...data] = columns;
  return (
    <table className={className}>
      <thead>
        <tr>
          {columns.map((column, c) => (
            <th key={c} scope="col">
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={rowClassName?.(row, i)}>
            <th scope="row">{header.cell(row, i)}</th>
            {data.map((column, c) => (
              <td key={c} className={column.className}>
                {column.cell(row, i)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
