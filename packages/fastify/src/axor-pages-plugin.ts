import type { NeutralHandler } from "@axor/core/adapter";
import { BODY_READ_LIMIT, readLimitedBody } from "@axor/core/adapter";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { routesRequest, sendAxorResponse } from "./fastify-request.js";

/** Options of `axorPagesPlugin`; Fastify's own `prefix` option says where it is mounted. */
export interface AxorPagesPluginOptions {
  /** What to serve, such as `axorPages(axor)` of `@axor/pages`. */
  pages: NeutralHandler;
}

/**
 * Serves a neutral handler beside the API, such as the built-in pages of `@axor/pages`, below
 * the `prefix` it is registered with, in its own context (its bodies reach the handler as raw
 * bytes).
 *
 * @example
 * ```ts
 * import { axorPages } from "@axor/pages";
 *
 * await app.register(axorPlugin, { axor, prefix: "/api/user" });
 * await app.register(axorPagesPlugin, { pages: axorPages(axor), prefix: "/auth" });
 * ```
 */
export const axorPagesPlugin: FastifyPluginAsync<AxorPagesPluginOptions> = async (
  scope,
  options,
) => {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", (_request, payload, done) => {
    readLimitedBody(payload, BODY_READ_LIMIT).then((bytes) => done(null, bytes), done);
  });
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.raw.url ?? "/";
    const at = url.indexOf("?");
    const query = at === -1 ? "" : url.slice(at + 1);
    const neutral = await routesRequest(scope.prefix, request);
    return sendAxorResponse(reply, await options.pages.handle(neutral, query));
  };
  scope.all("/", { config: { axorApi: true } }, serve);
  scope.all("/*", { config: { axorApi: true } }, serve);
};
