import type { Axor } from "@axor/core";
import {
  axorAuth,
  axorFrameworkErrors,
  axorPlugin,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
  toAxorRequest,
} from "@axor/fastify";
import type { AdapterServer, AdapterTestApp } from "@axor/testing";
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { serveFastify } from "./fastify-server.js";

/** The adapter's request translation used by hand, as docs/fastify.md shows. */
const checkOrigin = (axor: Axor) => async (request: FastifyRequest, reply: FastifyReply) => {
  try {
    axor.checkOrigin(toAxorRequest(request));
  } catch (error) {
    const answer = axor.errorResponse(error, request.url);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  }
};

const hooks = { axorAuth, requireAuth, requireSessionCookie, requireAppToken, checkOrigin };

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
  return serveFastify(
    async (host) => {
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
    },
    { frameworkErrors: axorFrameworkErrors(axor, mountPath), ...options },
  );
}
