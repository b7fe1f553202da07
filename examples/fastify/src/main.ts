import { createAxor, smtpMailer } from "@axor/core";
import { axorFrameworkErrors, axorPagesPlugin, axorPlugin } from "@axor/fastify";
import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
import { axorPages } from "@axor/pages";
import { redisRateLimitStore } from "@axor/redis";
import Fastify from "fastify";
import { Redis } from "ioredis";

// The settings, from the environment.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const databaseUrl = process.env.AXOR_DATABASE ?? "./data/axor.db"; // or postgres://, mysql://
const baseUrl = process.env.AXOR_BASE_URL ?? `http://${host}:${port}`; // the origin in email links
const smtpUrl = process.env.AXOR_SMTP_URL; // unset: emails are printed to the console
const mailFrom = process.env.AXOR_MAIL_FROM ?? "no-reply@example.com";
const redisUrl = process.env.AXOR_REDIS_URL; // unset: rate-limit counters in the database
const trustedProxies = (process.env.AXOR_TRUSTED_PROXIES ?? "")
  .split(",")
  .map((proxy) => proxy.trim())
  .filter(Boolean);
const logLevel = process.env.LOG_LEVEL ?? "info";
const secret = readSecret();

// The database (created and migrated on start), then Axor on it.
const database = openDatabase(databaseUrl);
const { applied } = await migrateToLatest(database.db);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

// Rate-limit counters in Redis when AXOR_REDIS_URL is set, shared by every instance of the app.
const redis = redisUrl ? new Redis(redisUrl, { lazyConnect: true }) : undefined;
await redis?.connect();

const axor = createAxor({
  storage: kyselyStorage(database.db),
  secret,
  baseUrl,
  mailer: smtpUrl ? smtpMailer(smtpUrl, mailFrom) : undefined,
  trustedProxies,
  rateLimitStore: redis && redisRateLimitStore({ client: redis }),
});

// The app: the Axor API at /api/user, then the app's own routes.
// frameworkErrors: a URL Fastify cannot decode under the mount gets the core's 404 envelope.
const app = Fastify({
  logger: { level: logLevel },
  frameworkErrors: axorFrameworkErrors(axor, "/api/user"),
});
await app.register(axorPlugin, { axor, prefix: "/api/user" });
await app.register(axorPagesPlugin, { pages: axorPages(axor), prefix: "/auth" }); // sign-in pages

app.get("/api/hello", { preHandler: app.axor.requireAuth }, async (request) => ({
  hello: request.axor?.user.first_name,
}));

const address = await app.listen({ port, host });
console.log(`listening on ${address}`);

// Shutdown: stop taking requests (those running finish first), then close the database.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    console.log(`${signal}: closing the server and the database`);
    await app.close();
    await database.close();
    redis?.disconnect();
    process.exit(0);
  });
}

/** AXOR_SECRET; without it, a public development secret, except in production. */
function readSecret(): string {
  if (process.env.AXOR_SECRET) return process.env.AXOR_SECRET;
  if (process.env.NODE_ENV === "production") {
    console.error(
      "Cannot start: AXOR_SECRET is not set. Set it to a random string of 32+ characters.",
    );
    process.exit(1);
  }
  console.error(
    [
      "",
      "!!! AXOR_SECRET is not set: using a fixed development secret that anyone can read.",
      "!!! Never run like this in production (NODE_ENV=production refuses to start).",
      "",
    ].join("\n"),
  );
  return "axor-example-development-secret-never-use-in-production";
}
