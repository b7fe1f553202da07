import type { Axor } from "@axor/core";
import {
  type AxorAppOptions,
  type AxorEnv,
  axorApp,
  axorAuth,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
  toAxorRequest,
} from "@axor/hono";
import type { AdapterServer, AdapterTestApp } from "@axor/testing";
import { Hono, type MiddlewareHandler } from "hono";
import { serveOnPort0 } from "./hono-server.js";

/** The adapter's request translation used by hand, as docs/hono.md shows. */
const checkOrigin =
  (axor: Axor): MiddlewareHandler<AxorEnv> =>
  async (c, next) => {
    try {
      axor.checkOrigin(toAxorRequest(c));
    } catch (error) {
      const answer = axor.errorResponse(error, c.req.path);
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    }
    await next();
  };

const middleware = { axorAuth, requireAuth, requireSessionCookie, requireAppToken, checkOrigin };

/**
 * Serves `app` from a Hono app on `@hono/node-server` at 127.0.0.1 (the shared adapter suites'
 * server factory); `options` go to `axorApp`.
 *
 * @example
 * ```ts
 * describeAdapterTransport("Hono", startHonoServer);
 * ```
 */
export function startHonoServer(
  { axor, mountPath, routes, appCookie }: AdapterTestApp,
  options: AxorAppOptions = {},
): Promise<AdapterServer> {
  const host = new Hono<AxorEnv>();
  if (appCookie !== undefined) {
    host.use("*", async (c, next) => {
      c.header("set-cookie", appCookie, { append: true });
      await next();
    });
  }
  host.route(mountPath, axorApp(axor, options));
  for (const route of routes) {
    for (const name of route.guards)
      host.on(["GET", "POST"], route.path, middleware[name](axor) as MiddlewareHandler<AxorEnv>);
    host.on(["GET", "POST"], route.path, (c) => c.json(route.reply(c.get("axor"))));
  }
  return serveOnPort0(host);
}
