import type { SqlFlavor } from "./sql-flavor.js";

/**
 * How values cross the database boundary. Instants use each database's own type: `timestamptz`
 * on PostgreSQL and `DATETIME(3)` (UTC) on MySQL/MariaDB, both bound and read as `Date`s, so
 * ad-hoc SQL and reports read them as times; SQLite has no time type and keeps INTEGER epoch
 * milliseconds (millisecond precision, correct sorting, no time zone). Drivers may hand a number
 * back as a number (better-sqlite3, mysql2) or a string (pg), and a boolean as `true`/`false`
 * (pg) or `1`/`0` (SQLite, MySQL); the readers below accept all of them.
 */
export function toStoredInstant(flavor: SqlFlavor, date: Date): Date | number {
  return flavor === "sqlite" ? date.getTime() : new Date(date.getTime());
}

/** `toStoredInstant` that lets `null` through. */
export function toStoredNullableInstant(
  flavor: SqlFlavor,
  date: Date | null,
): Date | number | null {
  return date === null ? null : toStoredInstant(flavor, date);
}

/**
 * A `Date` from a stored instant: a `Date` (pg, mysql2), epoch milliseconds (SQLite, or a number
 * in any form), or a date-time string from a driver set to return strings (read as UTC when it
 * names no zone).
 */
export function fromStoredInstant(value: unknown): Date {
  if (value instanceof Date) return new Date(value.getTime());
  if (typeof value === "string" && !/^-?\d+(\.\d+)?$/.test(value.trim())) {
    const text = value.trim().replace(" ", "T");
    const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
    if (Number.isNaN(time)) throw new TypeError(`Expected a stored instant, got ${value}`);
    return new Date(time);
  }
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
