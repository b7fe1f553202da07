import type { Kysely } from "kysely";
import type { SqlFlavor } from "./sql-flavor.js";
import type { SqliteReader } from "./sqlite-reader.js";
import type { TableNames } from "./table-names.js";

/** What every group of verbs shares: the database, its SQL family and the table names. */
export interface StorageContext {
  /** The caller's Kysely without its plugins, so rows keep Axor's column names. */
  db: Kysely<any>;
  flavor: SqlFlavor;
  tables: TableNames;
  /** The session lookup's own connection, when `openDatabase` opened a SQLite file. */
  reader?: SqliteReader;
}
