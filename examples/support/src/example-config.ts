import type { AxorOptions } from "@axor/core";
import { smtpMailer } from "@axor/core";

/** A secret for local development only: anyone can read it here. */
const DEVELOPMENT_SECRET = "axor-example-development-secret-never-use-in-production";

/** What the example reads from its environment. */
export interface ExampleConfig {
  port: number;
  host: string;
  /** A SQLite file path, or a postgres:// or mysql:// URL. */
  database: string;
  /** Options for `createAxor`, except `storage`. */
  axor: Omit<AxorOptions, "storage">;
}

function secretFrom(env: NodeJS.ProcessEnv): string {
  if (env.AXOR_SECRET) return env.AXOR_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error("AXOR_SECRET is not set. Set it to a random string of 32+ characters.");
  }
  console.error(
    [
      "",
      "!!! AXOR_SECRET is not set: using a fixed development secret that anyone can read.",
      "!!! Never run like this in production (NODE_ENV=production refuses to start).",
      "",
    ].join("\n"),
  );
  return DEVELOPMENT_SECRET;
}

/**
 * Reads PORT (3000), HOST (127.0.0.1), AXOR_DATABASE (./data/axor.db), AXOR_SECRET,
 * AXOR_BASE_URL (http://HOST:PORT), AXOR_SMTP_URL and AXOR_MAIL_FROM (unset: emails are
 * printed to the console). Without AXOR_SECRET it warns loudly and uses a development secret,
 * or throws when NODE_ENV=production.
 *
 * @example
 * ```ts
 * const config = readExampleConfig({ PORT: "8080", AXOR_SECRET: "a random string of 32+ characters" });
 * config.axor.baseUrl; // "http://127.0.0.1:8080"
 * ```
 */
export function readExampleConfig(env: NodeJS.ProcessEnv = process.env): ExampleConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad PORT: ${env.PORT}`);
  const host = env.HOST ?? "127.0.0.1";
  const axor: Omit<AxorOptions, "storage"> = {
    secret: secretFrom(env),
    baseUrl: env.AXOR_BASE_URL ?? `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
  };
  if (env.AXOR_SMTP_URL) {
    axor.mailer = smtpMailer(env.AXOR_SMTP_URL, env.AXOR_MAIL_FROM ?? "no-reply@example.com");
  }
  return { port, host, database: env.AXOR_DATABASE ?? "./data/axor.db", axor };
}
