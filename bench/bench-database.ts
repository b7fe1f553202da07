import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { migrateToLatest, openDatabase } from "@axor/kysely";
import Database from "better-sqlite3";
import { sqliteAxor } from "./bench-axor.js";
import { seedBetterAuth } from "./better-auth-side.js";

/** A migrated SQLite file holding `size` users, each with one live app token. */
export interface SessionTable {
  /** The SQLite file, inside a fresh temporary folder. */
  path: string;
  /** The raw Bearer keys of the app tokens, in insertion order. */
  keys: string[];
  /** `sha256(keys[i])` in hex: what storage is queried with. */
  keyHashes: string[];
  /** Deletes the temporary folder (the file and its WAL). */
  remove(): Promise<void>;
}

/** The main bench file: the session table, a login user, and better-auth's file beside it. */
export interface BenchDatabase extends SessionTable {
  /** A user with a real argon2id hash (default cost), for the login benchmarks. */
  login: { email: string; password: string };
  /** better-auth's own SQLite file (same folder), and a live session cookie of it. */
  betterAuthPath: string;
  betterAuthCookie: string;
}

const DAY_MS = 24 * 3600 * 1000;
/** better-auth accounts are made through its sign-up (scrypt each): a handful, not `size`. */
const BETTER_AUTH_USERS = 20;

/**
 * Creates the schema with `migrateToLatest`, then inserts the rows with raw better-sqlite3 in one
 * transaction (seconds instead of minutes through the adapter; 1M rows in well under a minute on
 * an idle machine). Tokens expire in 80 days, so no
 * lookup slides them, and their `last_used_at` is an hour ahead, so the once-a-minute
 * `last_used_at` write never fires during the run: every request measures the read-only path.
 */
export async function seedSessionTable(size: number): Promise<SessionTable> {
  const folder = await mkdtemp(join(tmpdir(), "axor-bench-"));
  const path = join(folder, "bench.db");
  const opened = openDatabase(path);
  await migrateToLatest(opened.db);
  await opened.close();

  const keys: string[] = [];
  const keyHashes: string[] = [];
  const sqlite = new Database(path);
  // A throw-away file: no fsync, and a page cache big enough for the indexes being built.
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const insertUser = sqlite.prepare(
    `INSERT INTO axor_users (id, email, password_hash, first_name, last_name, timezone,
       is_active, is_email_verified, totp_enabled, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'UTC', 1, 1, 0, ?, ?)`,
  );
  const insertSession = sqlite.prepare(
    `INSERT INTO axor_sessions (id, user_id, kind, key_hash, created_at, updated_at,
       last_used_at, expire_at, revoked_at, ip, ua)
     VALUES (?, ?, 'app', ?, ?, ?, ?, ?, NULL, '127.0.0.1', 'axor-bench')`,
  );
  const now = Date.now();
  // Each key: a random 32-character prefix for this file and a counter, so 1M keys cost one
  // random draw (a key's shape is all the lookup checks).
  const prefix = randomBytes(24).toString("base64url");
  sqlite.transaction(() => {
    for (let i = 0; i < size; i++) {
      const userId = randomUUID();
      const key = `${prefix}${i.toString(36).padStart(8, "0")}`;
      const keyHash = createHash("sha256").update(key).digest("hex");
      // Not a real argon2 hash: logging in is not benchmarked, only the lookup is.
      insertUser.run(
        userId,
        `user${i}@example.com`,
        "$argon2id$bench",
        "Bench",
        `User${i}`,
        now,
        now,
      );
      insertSession.run(randomUUID(), userId, keyHash, now, now, now + 3600_000, now + 80 * DAY_MS);
      keys.push(key);
      keyHashes.push(keyHash);
    }
  })();
  sqlite.close();
  return { path, keys, keyHashes, remove: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * `seedSessionTable(size)`, plus a user registered through Axor (a real argon2id hash) for the
 * login benchmarks, and better-auth's own file in the same folder with `BETTER_AUTH_USERS`
 * accounts signed up through its API.
 */
export async function createBenchDatabase(size: number): Promise<BenchDatabase> {
  const table = await seedSessionTable(size);
  const { path } = table;
  const login = { email: "login-bench@example.com", password: randomBytes(12).toString("base64") };
  // No mailer output: the verification email of this registration would only clutter the run.
  const seeding = sqliteAxor(path, { mailer: { send: async () => {} } });
  const client = {
    ip: "127.0.0.1",
    userAgent: "axor-bench",
    mode: "app" as const,
    credential: null,
  };
  await seeding.axor.register({ ...login, first_name: "Login", last_name: "Bench" }, client);
  await seeding.close();

  const betterAuthPath = join(dirname(path), "better-auth.db");
  const betterAuthCookie = await seedBetterAuth(betterAuthPath, BETTER_AUTH_USERS);
  return { ...table, login, betterAuthPath, betterAuthCookie };
}
