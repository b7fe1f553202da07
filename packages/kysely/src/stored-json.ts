import type { UserFieldValues } from "@axor/core/storage";

/**
 * A user's fields as the JSON column takes them: JSON text on every database (PostgreSQL casts
 * it to `jsonb`, MySQL checks it for its JSON type, SQLite keeps the text).
 */
export function toStoredJson(fields: UserFieldValues): string {
  return JSON.stringify(fields);
}

/**
 * The user's fields from the JSON column: an object already (pg's `jsonb`, mysql2 on MySQL),
 * JSON text (SQLite, MariaDB, whose JSON is LONGTEXT), or NULL (a MySQL row older than the
 * column) read as `{}`.
 */
export function fromStoredJsonObject(value: unknown): UserFieldValues {
  // The common case, read on every session lookup: no parse.
  if (value === null || value === undefined || value === "{}") return {};
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new TypeError(`Expected a JSON object in users.fields, got ${typeof parsed}`);
  }
  return parsed as UserFieldValues;
}
