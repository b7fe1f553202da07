import type {
  EventLog,
  EventLogReader,
  ExpiredRowSweeper,
  RateLimitStore,
  StorageAdapter,
  UserAdminStorage,
} from "@axor/core/storage";
import type { Kysely } from "kysely";
import { closerOf, once } from "./database-closers.js";
import { detectSqlFlavor } from "./sql-flavor.js";
import { sqliteReaderOf } from "./sqlite-reader.js";
import type { StorageContext } from "./storage-context.js";
import { withStorageErrorBoundary } from "./storage-error-boundary.js";
import { tableNames } from "./table-names.js";
import { counterVerbs } from "./verbs/counter-verbs.js";
import { oneTimeTokenVerbs } from "./verbs/one-time-token-verbs.js";
import { securityEventVerbs } from "./verbs/security-event-verbs.js";
import { sessionVerbs } from "./verbs/session-verbs.js";
import { sweepVerbs } from "./verbs/sweep-verbs.js";
import { totpVerbs } from "./verbs/totp-verbs.js";
import { userAdminVerbs } from "./verbs/user-admin-verbs.js";
import { userVerbs } from "./verbs/user-verbs.js";

/**
 * Options of `kyselyStorage`.
 *
 * @example
 * ```ts
 * const options: KyselyStorageOptions = { tablePrefix: "auth_" }; // auth_users, auth_sessions, ...
 * await migrateToLatest(db, options);
 * const storage = kyselyStorage(db, options);
 * ```
 */
export interface KyselyStorageOptions {
  /**
   * Prepended to every table name; use the same value for `migrateToLatest`. Letters, digits
   * and `_`. Default `"axor_"`.
   */
  tablePrefix?: string;
  /**
   * Whether the storage's `close()` (what `axor.close()` calls) destroys `db`. Default: true
   * when `db` came from `openDatabase`, false for a Kysely you built yourself (destroy that one
   * yourself, when the rest of your app is done with it).
   */
  ownsDatabase?: boolean;
}

/**
 * What `kyselyStorage` returns: every part of the storage, with the rate-limit counters and the
 * security-event log that `createAxor` then uses too, and the optional parts the server-side
 * admin API (`axor.users`) and `axor.cleanup()` use.
 *
 * @example
 * ```ts
 * const storage: KyselyStorage = kyselyStorage(db);
 * // rate-limit counters and security events in the database too
 * const axor = createAxor({ storage, secret: process.env.AXOR_SECRET! });
 * ```
 */
export type KyselyStorage = StorageAdapter &
  RateLimitStore &
  EventLog &
  EventLogReader &
  UserAdminStorage &
  ExpiredRowSweeper & {
    /** Closes the database when the storage owns it (`ownsDatabase`); else does nothing. */
    close(): Promise<void>;
  };

/**
 * A `StorageAdapter` (with a `RateLimitStore` and an `EventLog`) on a Kysely instance of
 * SQLite (better-sqlite3), PostgreSQL (pg) or MySQL/MariaDB (mysql2). Run `migrateToLatest(db)`
 * with the same `tablePrefix` first.
 *
 * Every verb the interface calls atomic is one atomic statement (or one transaction) on all
 * three databases; a duplicate email throws `EmailTakenError` and an unreachable database
 * throws `StorageUnavailableError`, never a driver error. Instants are stored in the database's
 * own time type (`timestamptz` on PostgreSQL, `DATETIME(3)` in UTC on MySQL/MariaDB, INTEGER
 * epoch milliseconds on SQLite) and come back as `Date`s. The session lookup run on every authenticated request
 * is compiled once, here. Plugins on `db` (such as `CamelCasePlugin`) are ignored by the
 * adapter and keep working for the rest of your app.
 *
 * @example
 * ```ts
 * import { createAxor } from "@axor/core";
 * import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
 *
 * const { db } = openDatabase(process.env.AXOR_DATABASE ?? "./data/axor.db");
 * await migrateToLatest(db);
 * const axor = createAxor({ storage: kyselyStorage(db), secret: process.env.AXOR_SECRET! });
 * ```
 */
export function kyselyStorage(db: Kysely<any>, options: KyselyStorageOptions = {}): KyselyStorage {
  const bare = db.withoutPlugins();
  const owned = options.ownsDatabase ?? closerOf(db) !== undefined;
  const closeDatabase = closerOf(db) ?? once(() => db.destroy());
  const context: StorageContext = {
    db: bare,
    flavor: detectSqlFlavor(bare),
    tables: tableNames(options.tablePrefix),
    reader: sqliteReaderOf(db),
  };
  return withStorageErrorBoundary({
    ...userVerbs(context),
    ...userAdminVerbs(context),
    ...sessionVerbs(context),
    ...oneTimeTokenVerbs(context),
    ...totpVerbs(context),
    ...counterVerbs(context),
    ...securityEventVerbs(context),
    ...sweepVerbs(context),
    close: async () => {
      if (owned) await closeDatabase();
    },
  });
}
