/**
 * Column -> the key it has in a result row: itself, an alias such as `s_id`, or its position
 * when the row is an array (better-sqlite3's raw mode).
 */
export type RowKeys<Column extends string> = Readonly<Record<Column, string | number>>;

/** A result row: an object keyed by column or alias, or an array in select order. */
export type ResultRow = Readonly<Record<string, unknown>> | readonly unknown[];

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

/**
 * The positions of `columns` in a row selected as an array, the first at `offset`.
 */
export function rowPositions<Column extends string>(
  columns: readonly Column[],
  offset = 0,
): RowKeys<Column> {
  return Object.fromEntries(
    columns.map((column, index) => [column, offset + index]),
  ) as RowKeys<Column>;
}

/** The value at `key` of a row, whether it is an object or an array. */
export function cell(row: ResultRow, key: string | number): unknown {
  return (row as Readonly<Record<string | number, unknown>>)[key];
}
