import { createAxor } from "@axor/core";
import { axorRouter, requireAuth } from "@axor/express";
import express from "express";
import { migrateDatabase, openDatabase } from "./database.js";
import { drizzleStorage } from "./drizzle-storage.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const secret = process.env.AXOR_SECRET ?? "axor-example-development-secret-never-use-in-production";
if (!process.env.AXOR_SECRET)
  console.error("!!! AXOR_SECRET is not set: using a public development secret.");

const database = openDatabase(databaseUrl);
await migrateDatabase(database.db);

// The adapter has the four required parts only: the rate limits live in this process
// (memoryRateLimitStore), and the security events go to onEvent, here the console.
const axor = createAxor({
  storage: drizzleStorage(database.db),
  secret,
  baseUrl: `http://${host}:${port}`,
  onEvent: (event) => console.log(`[security] ${event.type} user=${event.userId} ip=${event.ip}`),
});

const app = express();
app.disable("x-powered-by");
app.use("/api/user", axorRouter(axor));
app.get("/api/hello", requireAuth(axor), (req, res) => {
  res.json({ hello: req.axor?.user.first_name });
});
const server = app.listen(port, host, (error?: Error) => {
  if (error) throw error;
  console.log(`Custom-storage example listening on http://${host}:${port} (API at /api/user)`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => database.close().then(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
