// A small app as a user writes it, compiled and run from a fresh folder with the packed
// tarballs installed by npm. Prints "listening <port>" once it serves.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createAxor } from "@axor/core";
import { axorRouter, requireAuth } from "@axor/express";
import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
import express from "express";

const database = openDatabase(process.env.AXOR_DATABASE ?? "./data/axor.db");
await migrateToLatest(database.db);
const axor = createAxor({
  storage: kyselyStorage(database.db),
  secret: process.env.AXOR_SECRET ?? "",
  baseUrl: "http://127.0.0.1",
});

const app = express();
app.use("/api/user", axorRouter(axor));
app.get("/api/hello", requireAuth(axor), (req, res) => {
  res.json({ hello: req.axor?.user.first_name });
});
const server = app.listen(0, "127.0.0.1");
await once(server, "listening");
console.log(`listening ${(server.address() as AddressInfo).port}`);

process.once("SIGTERM", async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
  process.exit(0);
});
