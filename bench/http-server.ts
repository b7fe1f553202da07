/**
 * One HTTP server for the HTTP benchmark, run as a child process so autocannon does not share
 * its event loop: `http-server.ts <framework> <sqlite file>`. It listens on 127.0.0.1 on a free
 * port, sends `{ port }` to the parent over IPC and serves until killed. Each app has a static
 * JSON route at /static, a hand-written raw `me/` at /raw-me (see raw-me.ts) and Axor at
 * /api/user. The message "cpu" is answered with
 * `{ cpuMicros }`, the process's CPU time so far, so the parent can tell CPU cost per request.
 */
import type { AddressInfo } from "node:net";
import { axorRouter } from "@axor/express";
import { axorPlugin } from "@axor/fastify";
import { axorApp } from "@axor/hono";
import { serve } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { sqliteAxor } from "./bench-axor.js";
import { rawMe } from "./raw-me.js";

const HOST = "127.0.0.1";
const STATIC_BODY = { hello: "world" };

async function listen(framework: string, databasePath: string): Promise<number> {
  const { axor } = sqliteAxor(databasePath);
  const raw = rawMe(databasePath);
  switch (framework) {
    case "fastify": {
      const app = Fastify({ logger: false });
      app.get("/static", async () => STATIC_BODY);
      app.get("/raw-me", async (request, reply) =>
        reply.type("application/json; charset=utf-8").send(raw(request.headers.authorization)),
      );
      // The bench measures the API route against the raw one: no app-wide auth lookup.
      await app.register(axorPlugin, { axor, prefix: "/api/user", resolveAuth: false });
      await app.listen({ host: HOST, port: 0 });
      return (app.server.address() as AddressInfo).port;
    }
    case "express": {
      const app = express();
      app.get("/static", (_req, res) => res.json(STATIC_BODY));
      app.get("/raw-me", (req, res) => {
        res.type("application/json; charset=utf-8").send(raw(req.headers.authorization) ?? "null");
      });
      app.use("/api/user", axorRouter(axor));
      return new Promise((resolve) => {
        const server = app.listen(0, HOST, () => resolve((server.address() as AddressInfo).port));
      });
    }
    default: {
      const app = new Hono();
      app.get("/static", (c) => c.json(STATIC_BODY));
      app.get("/raw-me", (c) => {
        c.header("content-type", "application/json; charset=utf-8");
        return c.body(raw(c.req.header("authorization")) ?? "null");
      });
      app.route("/api/user", axorApp(axor));
      return new Promise((resolve) => {
        serve({ fetch: app.fetch, hostname: HOST, port: 0 }, (info) => resolve(info.port));
      });
    }
  }
}

const [framework, databasePath] = process.argv.slice(2);
if (!framework || !["fastify", "express", "hono"].includes(framework) || !databasePath) {
  throw new Error("usage: http-server.ts <fastify|express|hono> <sqlite file>");
}
const port = await listen(framework, databasePath);
process.on("message", (message) => {
  if (message !== "cpu") return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicros: user + system });
});
process.send?.({ port });
