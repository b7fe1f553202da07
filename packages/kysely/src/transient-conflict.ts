/** Codes of errors after which the database has rolled the statement or transaction back. */
const CONFLICT_CODES = new Set([
  // PostgreSQL: serialization failure, deadlock detected.
  "40001",
  "40P01",
  // MySQL/MariaDB: deadlock (the transaction is rolled back); lock wait timeout (the statement
  // is; every verb here is one statement or one transaction that Kysely then rolls back whole).
  "ER_LOCK_DEADLOCK",
  "ER_LOCK_WAIT_TIMEOUT",
]);

/**
 * True when `error` is a conflict between concurrent transactions that the database resolved by
 * undoing this one: a serialization failure or a deadlock. Nothing of the failed call was
 * applied, so running it again is safe for every verb.
 */
export function isTransientConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === "string" && CONFLICT_CODES.has(code)) return true;
  return cause !== undefined && cause !== error && isTransientConflict(cause);
}
