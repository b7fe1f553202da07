import { kyselyStorage, openDatabase } from "@axor/kysely";
import Database from "better-sqlite3";
import type { BenchDatabase } from "./bench-database.js";
import type { Metric } from "./result-table.js";
import { timePerOp } from "./time-per-op.js";

const LOOKUPS = 20_000;

/** The join `getLiveSession` runs, written by hand: same tables, columns, index and filters. */
const RAW_LOOKUP_SQL = `
  SELECT s.id AS s_id, s.user_id AS s_user_id, s.kind AS s_kind, s.key_hash AS s_key_hash,
         s.created_at AS s_created_at, s.updated_at AS s_updated_at,
         s.last_used_at AS s_last_used_at, s.expire_at AS s_expire_at,
         s.revoked_at AS s_revoked_at, s.ip AS s_ip, s.ua AS s_ua,
         u.id AS u_id, u.email AS u_email, u.password_hash AS u_password_hash,
         u.first_name AS u_first_name, u.last_name AS u_last_name, u.timezone AS u_timezone,
         u.is_active AS u_is_active, u.is_email_verified AS u_is_email_verified,
         u.totp_enabled AS u_totp_enabled, u.created_at AS u_created_at,
         u.updated_at AS u_updated_at
  FROM axor_sessions AS s INNER JOIN axor_users AS u ON u.id = s.user_id
  WHERE s.key_hash = ? AND s.revoked_at IS NULL AND s.expire_at > ?`;

/** Spreads the lookups over the whole table instead of re-reading the same rows. */
function keyIndex(i: number, size: number): number {
  return (i * 7919) % size;
}

/**
 * `getLiveSession` through `kyselyStorage` on a database opened by `openDatabase` (so with its
 * statement cache), against a raw better-sqlite3 prepared statement running the same join. Both
 * look up the same 20k keys, spread over the table; every lookup must find its session.
 */
export async function benchStorageLookup(database: BenchDatabase): Promise<Metric[]> {
  const { keyHashes } = database;
  const size = keyHashes.length;
  const hashAt = (i: number) => keyHashes[keyIndex(i, size)] as string;
  let misses = 0;

  const raw = new Database(database.path, { readonly: true });
  const statement = raw.prepare(RAW_LOOKUP_SQL);
  const rawMicros = await timePerOp(LOOKUPS, (i) => {
    if (statement.get(hashAt(i), Date.now()) === undefined) misses++;
  });
  raw.close();

  const opened = openDatabase(database.path);
  const storage = kyselyStorage(opened.db);
  const kyselyMicros = await timePerOp(LOOKUPS, async (i) => {
    if ((await storage.getLiveSession(hashAt(i), new Date())) === null) misses++;
  });
  await opened.close();

  if (misses > 0) throw new Error(`storage benchmark: ${misses} lookups found no session`);
  const ratio = kyselyMicros / rawMicros;
  return [
    {
      name: `storage: raw better-sqlite3 join (${size / 1000}k rows)`,
      measured: `${rawMicros.toFixed(1)} µs/op`,
      target: "-",
      pass: null,
    },
    {
      name: "storage: kyselyStorage.getLiveSession",
      measured: `${kyselyMicros.toFixed(1)} µs/op`,
      // An absolute time depends on the machine and its load: only the ratio below is a target.
      target: "-",
      pass: null,
    },
    {
      name: "storage: kysely / raw",
      measured: `${ratio.toFixed(2)}x`,
      target: "<= 3x",
      pass: ratio <= 3,
    },
  ];
}
