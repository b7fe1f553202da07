import type { Axor } from "@axor/core";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import "./fastify-request-augmentation.js";
import { axorRoutes } from "./axor-routes.js";

/**
 * Options of `axorPlugin`.
 *
 * @example
 * ```ts
 * const options: AxorPluginOptions = { axor, prefix: "/api/user" };
 * await app.register(axorPlugin, options); // POST /api/user/login/, GET /api/user/me/, ...
 * ```
 */
export interface AxorPluginOptions {
  /** The Axor instance to serve. */
  axor: Axor;
  /** Where the API is mounted, e.g. "/api/user". Default: the prefix of the registering context. */
  prefix?: string;
}

const plugin: FastifyPluginAsync<AxorPluginOptions> = async (fastify, { axor, prefix }) => {
  if (!fastify.hasRequestDecorator("axor")) fastify.decorateRequest("axor", null);
  await fastify.register(axorRoutes, { axor, prefix: prefix ?? "" });
};

/**
 * Serves the Axor HTTP contract under `prefix` and decorates every request of the app with
 * `axor` (null until `axorAuth` or a guard resolves it). The decorator is added to the
 * registering context (the plugin is wrapped with fastify-plugin), while the routes live in
 * their own encapsulated child, so the prefix and the catch-all body parser apply to them only.
 *
 * @example
 * ```ts
 * const app = Fastify();
 * await app.register(axorPlugin, { axor, prefix: "/api/user" });
 * app.get("/api/hello", { preHandler: requireAuth(axor) }, async (request) => ({
 *   hello: request.axor?.user.first_name,
 * }));
 * ```
 */
export const axorPlugin = fp(plugin, { name: "@axor/fastify", fastify: "5.x" });
