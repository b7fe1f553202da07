import type { Axor } from "@axor/core";
import { BODY_READ_LIMIT, readLimitedBody } from "@axor/core/adapter";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { apiErrorHandler } from "./api-error-handler.js";
import { routesRequest, sendAxorResponse } from "./fastify-request.js";
import { authorizeRequest, requireAppToken, requireAuth, requireSessionCookie } from "./guards.js";

/** Options of `axorPlugin`. */
export interface AxorPluginOptions {
  /** The Axor instance to serve. */
  axor: Axor;
  /** Where the API is mounted, e.g. "/api/user". Default: the registering context's prefix. */
  prefix?: string;
  /**
   * Resolve `request.axor` for every route of the app: one session lookup per request; a
   * storage failure leaves it null. Default true; false: only the guards and `axorAuth` do.
   */
  resolveAuth?: boolean;
}

/** The API's routes, in their own context: every content type reaches the core as raw bytes. */
async function serveApi(api: FastifyInstance, axor: Axor) {
  api.removeAllContentTypeParsers();
  api.addContentTypeParser("*", (_request, payload, done) => {
    readLimitedBody(payload, BODY_READ_LIMIT).then((bytes) => done(null, bytes), done);
  });
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const routed = routesRequest(api.prefix, request);
    const axorRequest = routed instanceof Promise ? await routed : routed;
    return sendAxorResponse(reply, await axor.handle(axorRequest));
  };
  api.setErrorHandler(apiErrorHandler(axor, serve));
  // Methods Fastify routes no `all` for (PROPFIND, M-SEARCH...): the core's 404 or 405 too.
  api.setNotFoundHandler(serve);
  api.all("/", { config: { axorApi: true } }, serve);
  api.all("/*", { config: { axorApi: true } }, serve);
}

const plugin: FastifyPluginAsync<AxorPluginOptions> = async (fastify, options) => {
  const { axor, prefix = "", resolveAuth = true } = options;
  fastify.decorateRequest("axor", null);
  fastify.decorate("axor", {
    axor,
    requireAuth: requireAuth(axor),
    requireSessionCookie: requireSessionCookie(axor),
    requireAppToken: requireAppToken(axor),
  });
  if (resolveAuth) {
    fastify.addHook("onRequest", async (request, reply) => {
      if ((request.routeOptions.config as { axorApi?: boolean }).axorApi) return;
      await authorizeRequest(axor, "optional", request, reply); // a failure: left unresolved
    });
  }
  await fastify.register((api) => serveApi(api, axor), { prefix });
};

/**
 * Serves the Axor HTTP contract under `prefix`, resolves `request.axor` for every route of the
 * app (unless `resolveAuth: false`), and decorates the app with its guards (`app.axor`).
 * @example
 * ```ts
 * const app = Fastify({ logger: true });
 * await app.register(axorPlugin, { axor, prefix: "/api/user" });
 * app.get("/api/hello", { preHandler: app.axor.requireAuth }, async (request) => ({
 *   hello: request.axor?.user.first_name,
 * }));
 * ```
 */
export const axorPlugin = fp(plugin, { name: "@axor/fastify", fastify: "5.x" });
