/** The physical names of Axor's tables, each carrying the configured prefix. */
export interface TableNames {
  users: string;
  sessions: string;
  oneTimeTokens: string;
  totp: string;
  backupCodes: string;
  counters: string;
  securityEvents: string;
  /** Kysely's migration bookkeeping, prefixed too so two prefixes can share a database. */
  migrations: string;
  migrationLock: string;
}

/** The prefix used when none is given. */
export const DEFAULT_TABLE_PREFIX = "axor_";

/**
 * The table names for `prefix`. The prefix must be a plain SQL identifier start (letters,
 * digits, `_`) so it can be used unquoted in index names on every database.
 */
export function tableNames(prefix: string = DEFAULT_TABLE_PREFIX): TableNames {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,29}$/.test(prefix) && prefix !== "") {
    throw new Error(
      `tablePrefix must be letters, digits and "_", starting with a letter or "_", at most 30 characters; got ${JSON.stringify(prefix)}`,
    );
  }
  return {
    users: `${prefix}users`,
    sessions: `${prefix}sessions`,
    oneTimeTokens: `${prefix}one_time_tokens`,
    totp: `${prefix}totp`,
    backupCodes: `${prefix}backup_codes`,
    counters: `${prefix}counters`,
    securityEvents: `${prefix}security_events`,
    migrations: `${prefix}migrations`,
    migrationLock: `${prefix}migrations_lock`,
  };
}
