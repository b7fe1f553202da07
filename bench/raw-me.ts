import { createHash } from "node:crypto";
import Database from "better-sqlite3";

/** The least work `me/` can do: what Axor's own `me/` is measured against. */
export interface RawMe {
  (authorization: string | undefined): string | null;
  /** Closes its read-only connection. */
  close(): void;
}

/**
 * A hand-written `me/` on the bench file: SHA-256 of the Bearer key, one prepared indexed join
 * on raw better-sqlite3, and the same User JSON Axor answers. No validation, no framework
 * neutrality, no sliding: the floor for Axor's overhead, not a design to copy.
 */
export function rawMe(databasePath: string): RawMe {
  const database = new Database(databasePath, { readonly: true });
  // The page cache Axor's connections have (sqlite-database.ts): the same SQLite, set alike.
  database.pragma("cache_size = -65536");
  const lookup = database.prepare(
    `select u.* from axor_sessions s join axor_users u on u.id = s.user_id
     where s.key_hash = ? and s.revoked_at is null and s.expire_at > ?`,
  );
  const me = (authorization: string | undefined) => {
    const key = authorization?.slice("Bearer ".length) ?? "";
    const hash = createHash("sha256").update(key).digest("hex");
    const row = lookup.get(hash, Date.now()) as Record<string, string | number> | undefined;
    if (!row) return null;
    return JSON.stringify({
      user: {
        id: row.id,
        email: row.email,
        first_name: row.first_name,
        last_name: row.last_name,
        timezone: row.timezone,
        is_active: row.is_active === 1,
        is_email_verified: row.is_email_verified === 1,
        totp_enabled: row.totp_enabled === 1,
        created_at: new Date(Number(row.created_at)).toISOString(),
        updated_at: new Date(Number(row.updated_at)).toISOString(),
      },
    });
  };
  return Object.assign(me, { close: () => database.close() });
}
