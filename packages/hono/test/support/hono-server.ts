import type { Server } from "node:http";
import { type AdapterServer, serveOnLoopback } from "@axor/testing";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";

/**
 * Serves `app` through `@hono/node-server` over a real socket on 127.0.0.1:0.
 *
 * @example
 * ```ts
 * const { origin, close } = await serveOnPort0(app);
 * ```
 */
export function serveOnPort0(app: Hono<any>): Promise<AdapterServer> {
  return serveOnLoopback(createAdaptorServer({ fetch: app.fetch }) as Server);
}
