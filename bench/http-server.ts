/**
 * One HTTP server for the HTTP benchmarks, run as a child process so the load generator does
 * not share its event loop: `http-server.ts <framework> <side> <sqlite file>`. It listens on
 * 127.0.0.1 on a free port, sends `{ port }` to the parent over IPC and serves until killed.
 * Side `axor`: a static JSON route at /static, a hand-written raw `me/` at /raw-me (see
 * raw-me.ts), Axor at /api/user and Axor with `sessionCache` at /cached/api/user (same file).
 * Side `better-auth`: better-auth at /api/auth, in a process of its own, because its
 * AsyncLocalStorage turns on Node's promise hooks for the whole process, a cost every promise of
 * every route then pays (measured here: Axor's `me/` / raw `me/` 3 to 6 points lower once
 * better-auth had served a request in the same process). The message "cpu" is answered with
 * `{ cpuMicros, maxRssBytes }`: the process's CPU time so far, so the parent can tell CPU cost
 * per request, and its peak resident memory.
 */
import type { AddressInfo } from "node:net";
import { axorRouter } from "@axor/express";
import { axorPlugin } from "@axor/fastify";
import { axorApp } from "@axor/hono";
import { serve } from "@hono/node-server";
import { toNodeHandler } from "better-auth/node";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { sqliteAxor } from "./bench-axor.js";
import { openBetterAuth } from "./better-auth-side.js";
import { rawMe } from "./raw-me.js";

const HOST = "127.0.0.1";
const STATIC_BODY = { hello: "world" };

/** What `/cached/api/user` adds: a short TTL, as docs/options.md advises. */
const SESSION_CACHE = { ttlSeconds: 5, maxEntries: 10_000 };

/** A Node request as a Fetch one, as better-auth's docs do it for Fastify. */
function fetchRequest(url: string, headers: Record<string, string | string[] | undefined>) {
  const flat = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat.append(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return new Request(`http://${headers.host ?? HOST}${url}`, { headers: flat });
}

/** The Axor side: static, raw `me/`, Axor with and without the session cache. */
async function listenAxor(framework: string, databasePath: string): Promise<number> {
  const { axor } = sqliteAxor(databasePath);
  const cached = sqliteAxor(databasePath, { sessionCache: SESSION_CACHE }).axor;
  const raw = rawMe(databasePath);
  switch (framework) {
    case "fastify": {
      const app = Fastify({ logger: false });
      app.get("/static", async () => STATIC_BODY);
      app.get("/raw-me", async (request, reply) =>
        reply.type("application/json; charset=utf-8").send(raw(request.headers.authorization)),
      );
      // The bench measures the API route against the raw one: no app-wide auth lookup.
      // Two Axor instances: each plugin in its own context, so each decorates its own.
      for (const [instance, prefix] of [
        [axor, "/api/user"],
        [cached, "/cached/api/user"],
      ] as const) {
        await app.register(async (scope) => {
          await scope.register(axorPlugin, { axor: instance, prefix, resolveAuth: false });
        });
      }
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
      app.use("/cached/api/user", axorRouter(cached));
      return expressPort(app);
    }
    default: {
      const app = new Hono();
      app.get("/static", (c) => c.json(STATIC_BODY));
      app.get("/raw-me", (c) => {
        c.header("content-type", "application/json; charset=utf-8");
        return c.body(raw(c.req.header("authorization")) ?? "null");
      });
      app.route("/api/user", axorApp(axor));
      app.route("/cached/api/user", axorApp(cached));
      return honoPort(app);
    }
  }
}

/** The better-auth side: its handler at /api/auth, mounted as its docs show for each framework. */
async function listenBetterAuth(framework: string, authPath: string): Promise<number> {
  const betterAuth = openBetterAuth(authPath);
  switch (framework) {
    case "fastify": {
      const app = Fastify({ logger: false });
      app.get("/api/auth/*", async (request, reply) => {
        const answer = await betterAuth.handler(fetchRequest(request.url, request.headers));
        reply.status(answer.status);
        answer.headers.forEach((value, name) => reply.header(name, value));
        return reply.send(await answer.text());
      });
      await app.listen({ host: HOST, port: 0 });
      return (app.server.address() as AddressInfo).port;
    }
    case "express": {
      const app = express();
      app.all("/api/auth/{*rest}", toNodeHandler(betterAuth));
      return expressPort(app);
    }
    default: {
      const app = new Hono();
      app.on(["GET", "POST"], "/api/auth/*", (c) => betterAuth.handler(c.req.raw));
      return honoPort(app);
    }
  }
}

function expressPort(app: ReturnType<typeof express>): Promise<number> {
  return new Promise((resolve) => {
    const server = app.listen(0, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

function honoPort(app: Hono): Promise<number> {
  return new Promise((resolve) => {
    serve({ fetch: app.fetch, hostname: HOST, port: 0 }, (info) => resolve(info.port));
  });
}

const [framework, side, path] = process.argv.slice(2);
if (
  !framework ||
  !["fastify", "express", "hono"].includes(framework) ||
  !side ||
  !["axor", "better-auth"].includes(side) ||
  !path
) {
  throw new Error("usage: http-server.ts <fastify|express|hono> <axor|better-auth> <sqlite file>");
}
const port =
  side === "axor" ? await listenAxor(framework, path) : await listenBetterAuth(framework, path);
process.on("message", (message) => {
  if (message !== "cpu") return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicros: user + system, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
});
process.send?.({ port });
// A clean exit on SIGINT lets `node --cpu-prof` write its profile.
process.on("SIGINT", () => process.exit(0));
