import type { Migration, MigrationProvider } from "kysely";
import type { TableNames } from "../table-names.js";
import { initialSchema } from "./0001-initial-schema.js";
import { nativeTimestamps } from "./0002-native-timestamps.js";
import { userFields } from "./0003-user-fields.js";
import { latestSessionIndex } from "./0004-latest-session-index.js";

/**
 * Axor's migrations as code, not files read at run time, so they survive bundling. Names sort
 * in the order they must run; a released migration is never edited, only followed by a new one.
 */
export function axorMigrations(tables: TableNames): Record<string, Migration> {
  return {
    "0001_initial_schema": initialSchema(tables),
    "0002_native_timestamps": nativeTimestamps(tables),
    "0003_user_fields": userFields(tables),
    "0004_latest_session_index": latestSessionIndex(tables),
  };
}

/** A Kysely `MigrationProvider` over `axorMigrations`. */
export function axorMigrationProvider(tables: TableNames): MigrationProvider {
  return { getMigrations: async () => axorMigrations(tables) };
}
