/** Column -> the key it has in a result row (itself, or an alias such as `s_id`). */
export type RowKeys<Column extends string> = Readonly<Record<Column, string>>;

/**
 * The keys of a row selected with each column aliased as `${prefix}${column}`, worked out once
 * so mapping a row is plain property reads (the session lookup runs on every request).
 */
export function rowKeys<Column extends string>(
  columns: readonly Column[],
  prefix = "",
): RowKeys<Column> {
  return Object.fromEntries(
    columns.map((column) => [column, `${prefix}${column}`]),
  ) as RowKeys<Column>;
}
