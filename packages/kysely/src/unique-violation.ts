/**
 * True when `error` is a unique-constraint violation from any of the supported drivers:
 * better-sqlite3 (`SQLITE_CONSTRAINT_UNIQUE`/`_PRIMARYKEY`), pg (SQLSTATE `23505`) or mysql2
 * (`ER_DUP_ENTRY`, errno 1062).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  return (
    code === "23505" ||
    code === "ER_DUP_ENTRY" ||
    errno === 1062 ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}
