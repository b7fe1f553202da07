import {
  axorAuth,
  axorPlugin,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
} from "@axor/fastify";
import type { AdapterServer, AdapterTestApp } from "@axor/testing";
import type { FastifyServerOptions } from "fastify";
import { serveFastify } from "./fastify-server.js";

const hooks = { axorAuth, requireAuth, requireSessionCookie, requireAppToken };

/**
 * Serves `app` from a Fastify app (built with `options`) on 127.0.0.1: the shared adapter
 * suites' server factory. A route's last middleware runs as its `preHandler`, any before it as
 * `onRequest` hooks.
 *
 * @example
 * ```ts
 * describeAdapterTransport("Fastify", startFastifyServer);
 * ```
 */
export function startFastifyServer(
  { axor, mountPath, routes, appCookie }: AdapterTestApp,
  options: FastifyServerOptions = {},
): Promise<AdapterServer> {
  return serveFastify(async (host) => {
    if (appCookie !== undefined) {
      host.addHook("onRequest", async (_request, reply) => {
        reply.header("set-cookie", appCookie);
      });
    }
    await host.register(axorPlugin, { axor, prefix: mountPath });
    for (const route of routes) {
      const guards = route.guards.map((name) => hooks[name](axor));
      const preHandler = guards.pop();
      const routeHooks = {
        ...(guards.length > 0 ? { onRequest: guards } : {}),
        ...(preHandler ? { preHandler } : {}),
      };
      host.route({
        method: ["GET", "POST"],
        url: route.path,
        ...routeHooks,
        handler: async (request) => route.reply(request.axor),
      });
    }
  }, options);
}
