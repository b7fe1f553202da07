import type { SqlFlavor } from "./sql-flavor.js";

/**
 * How values cross the database boundary. Instants are stored as BIGINT epoch milliseconds:
 * they keep millisecond precision, sort correctly and need no time-zone handling on any of the
 * three databases. Drivers may hand a BIGINT back as a number (better-sqlite3, mysql2) or a
 * string (pg), and a boolean as `true`/`false` (pg) or `1`/`0` (SQLite, MySQL); the readers
 * below accept all of them.
 */
export function toStoredInstant(date: Date): number {
  return date.getTime();
}

/** `toStoredInstant` that lets `null` through. */
export function toStoredNullableInstant(date: Date | null): number | null {
  return date === null ? null : date.getTime();
}

/** A `Date` from a stored epoch-milliseconds value. */
export function fromStoredInstant(value: unknown): Date {
  return new Date(fromStoredNumber(value));
}

/** `fromStoredInstant` that lets `null` through. */
export function fromStoredNullableInstant(value: unknown): Date | null {
  return value === null || value === undefined ? null : fromStoredInstant(value);
}

/** A JavaScript number from an INTEGER or BIGINT column, whatever form the driver chose. */
export function fromStoredNumber(value: unknown): number {
  const number = Number(value);
  if (!Number.isFinite(number))
    throw new TypeError(`Expected a stored number, got ${String(value)}`);
  return number;
}

/** better-sqlite3 cannot bind `true`/`false`; PostgreSQL and MySQL take them as they are. */
export function toStoredBoolean(flavor: SqlFlavor, value: boolean): boolean | number {
  if (flavor === "sqlite") return value ? 1 : 0;
  return value;
}

/** A boolean from a BOOLEAN (PostgreSQL) or TINYINT/INTEGER 0/1 (MySQL, SQLite) column. */
export function fromStoredBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "t";
}
