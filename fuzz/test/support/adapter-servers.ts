import { createServer, type Server } from "node:http";
import type { Axor } from "@axor/core";
import { axorRouter } from "@axor/express";
import { axorFrameworkErrors, axorPlugin } from "@axor/fastify";
import { axorApp } from "@axor/hono";
import { type AdapterServer, serveOnLoopback } from "@axor/testing";
import { createAdaptorServer } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { FUZZ_MOUNT } from "./send-fuzz-case.js";

/** Serves `axor` at the fuzz mount through one framework, on a real socket. */
export type ServeThroughAdapter = (axor: Axor) => Promise<AdapterServer>;

/** Each adapter, set up as its docs say. */
export const adapterServers: Readonly<Record<string, ServeThroughAdapter>> = {
  Express: (axor) => {
    const app = express();
    app.use(FUZZ_MOUNT, axorRouter(axor));
    return serveOnLoopback(createServer(app));
  },
  Fastify: async (axor) => {
    const app = Fastify({ frameworkErrors: axorFrameworkErrors(axor, FUZZ_MOUNT) });
    await app.register(axorPlugin, { axor, prefix: FUZZ_MOUNT });
    const origin = await app.listen({ port: 0, host: "127.0.0.1" });
    return { origin, close: () => app.close() };
  },
  Hono: (axor) => {
    const app = new Hono();
    app.route(FUZZ_MOUNT, axorApp(axor));
    return serveOnLoopback(createAdaptorServer({ fetch: app.fetch }) as Server);
  },
};
