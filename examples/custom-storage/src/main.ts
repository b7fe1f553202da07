import { createAxor, memoryStorage } from "@axor/core";
import { axorRouter, requireAuth } from "@axor/express";
import express from "express";
import { auditedStorage } from "./audited-storage.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const secret = process.env.AXOR_SECRET ?? "axor-example-development-secret-never-use-in-production";
if (!process.env.AXOR_SECRET)
  console.error("!!! AXOR_SECRET is not set: using a public development secret.");

// Memory storage: everything is lost on restart. The audit log goes to stdout.
const storage = auditedStorage(memoryStorage(), (event) => {
  console.log(
    `[audit] ${event.at.toISOString()} ${event.type} user=${event.userId} ip=${event.ip}`,
  );
});
const axor = createAxor({ storage, secret, baseUrl: `http://${host}:${port}` });

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
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  });
}
