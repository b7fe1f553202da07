import type { Axor } from "@axor/core";
import { BODY_READ_LIMIT, readLimitedBody } from "@axor/core";
import type { FastifyPluginAsync } from "fastify";
import { neutralRequest } from "./neutral-request.js";
import { requestBody } from "./request-body.js";
import { sendAxorResponse } from "./send-axor-response.js";

/**
 * Options of `axorRoutes`.
 *
 * @example
 * ```ts
 * const options: AxorRoutesOptions = { axor };
 * await app.register(axorRoutes, { ...options, prefix: "/api/user" }); // prefix: Fastify's own
 * ```
 */
export interface AxorRoutesOptions {
  /** The Axor instance whose contract these routes serve. */
  axor: Axor;
}

/**
 * An encapsulated Fastify plugin serving the whole Axor HTTP contract under the prefix it is
 * registered with. Inside it, every content type reaches the core as raw bytes (the app's own
 * parsers and Fastify's are not used), so malformed JSON, oversized bodies and unknown media
 * types get the contract's envelope; every method and path below the prefix reaches the core
 * (its 404 and 405). `axorPlugin` registers it for you, with `request.axor` besides.
 *
 * @example
 * ```ts
 * await app.register(axorRoutes, { axor, prefix: "/api/user" });
 * ```
 */
export const axorRoutes: FastifyPluginAsync<AxorRoutesOptions> = async (instance, { axor }) => {
  const prefix = instance.prefix;
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser("*", (_request, payload, done) => {
    readLimitedBody(payload, BODY_READ_LIMIT).then(
      (bytes) => done(null, bytes),
      (error: Error) => done(error, undefined),
    );
  });
  const serve = async (
    request: Parameters<typeof requestBody>[0],
    reply: Parameters<typeof sendAxorResponse>[0],
  ) => {
    const body = await requestBody(request);
    return sendAxorResponse(reply, await axor.handle(neutralRequest(prefix, request, body)));
  };
  instance.all("/", serve);
  instance.all("/*", serve);
};
