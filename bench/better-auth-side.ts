import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import Database from "better-sqlite3";

/** What the HTTP benchmark uses of better-auth: its Fetch handler, mounted on each framework. */
export interface BetterAuth {
  handler(request: Request): Promise<Response>;
}

const BETTER_AUTH_SECRET = "better-auth-bench-secret-for-benchmarks-only-0123456789";

function options(path: string) {
  return {
    database: new Database(path),
    secret: BETTER_AUTH_SECRET,
    baseURL: "http://127.0.0.1:3000",
    emailAndPassword: { enabled: true },
    logger: { disabled: true },
    telemetry: { enabled: false },
  };
}

/**
 * better-auth on its own SQLite file, set up as its docs do it: email and password, its own
 * migrations, the default session settings (no cookie cache). Same driver (better-sqlite3) and
 * the same WAL journal as Axor's file.
 */
export function openBetterAuth(path: string): BetterAuth {
  return betterAuth(options(path));
}

/**
 * Creates better-auth's tables in `path`, signs up `users` accounts (each with one live
 * session; the last one's is returned) and returns the session cookie to send to get-session.
 */
export async function seedBetterAuth(path: string, users: number): Promise<string> {
  const config = options(path);
  config.database.pragma("journal_mode = WAL");
  const { runMigrations } = await getMigrations(config);
  await runMigrations();
  const auth = betterAuth(config);
  let cookie = "";
  for (let i = 0; i < users; i++) {
    const { headers } = await auth.api.signUpEmail({
      body: {
        email: `user${i}@example.com`,
        password: randomBytes(12).toString("base64url"),
        name: `Bench User${i}`,
      },
      returnHeaders: true,
    });
    cookie = (headers.get("set-cookie") ?? "").split(";", 1)[0] ?? "";
  }
  config.database.close();
  return cookie;
}
