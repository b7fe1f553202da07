import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createAxor, smtpMailer } from "@axor/core";
import { axorPagesRouter, axorRouter, requireAuth } from "@axor/express";
import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
import { axorPages } from "@axor/pages";
import { redisRateLimitStore } from "@axor/redis";
import express from "express";
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
const logRequests = ["trace", "debug", "info"].includes(process.env.LOG_LEVEL ?? "info");
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

// The app: the Axor API at /api/user, then the app's own routes. The Axor router reads its own
// request bodies, so it comes before express.json().
const app = express();
app.disable("x-powered-by");
if (logRequests) {
  app.use((req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      const ms = Math.round(performance.now() - started);
      console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms} ms`);
    });
    next();
  });
}
app.use("/api/user", axorRouter(axor));
app.use("/auth", axorPagesRouter(axorPages(axor))); // the sign-in pages the email links open
app.use(express.json());

app.get("/api/hello", requireAuth(axor), (req, res) => {
  res.json({ hello: req.axor?.user.first_name });
});

const server = app.listen(port, host);
await once(server, "listening");
console.log(`listening on http://${host}:${(server.address() as AddressInfo).port}`);

// Shutdown: stop taking requests (those still running get 5 s), then close the database.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    console.log(`${signal}: closing the server and the database`);
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
    await new Promise((resolve) => server.close(resolve));
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
