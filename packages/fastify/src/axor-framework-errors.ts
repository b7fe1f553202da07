import type { Axor } from "@axor/core";
import { nodeRequest, pathOf, readNodeBody, splitAtMount } from "@axor/core/adapter";
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { sendAxorResponse } from "./fastify-request.js";

/**
 * Fastify's `frameworkErrors` server option for an app serving Axor at `mountPath`: a request
 * whose URL Fastify's router cannot decode (`POST /api/user/login/%`) never reaches a plugin,
 * so Fastify would answer its own `FST_ERR_BAD_URL` JSON. Under the mount this hands it to the
 * core (its 404 envelope, as on every other adapter); elsewhere Fastify's own answer stands.
 *
 * @example
 * ```ts
 * import { axorFrameworkErrors, axorPlugin } from "@axor/fastify";
 * import Fastify from "fastify";
 *
 * const app = Fastify({ frameworkErrors: axorFrameworkErrors(axor, "/api/user") });
 * await app.register(axorPlugin, { axor, prefix: "/api/user" });
 * ```
 */
export function axorFrameworkErrors(
  axor: Axor,
  mountPath: string,
): NonNullable<FastifyServerOptions["frameworkErrors"]> {
  const mount = mountPath.replace(/\/+$/, "");
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.raw.url ?? "/");
    const rest = path.slice(mount.length);
    const target = rest === "" || rest.startsWith("/") ? splitAtMount(path, mount) : null;
    if (target === null) return reply.send(error); // not under the mount: Fastify's own answer
    try {
      const body = await readNodeBody(request.raw);
      return sendAxorResponse(reply, await axor.handle(nodeRequest(request.raw, target, body)));
    } catch (readError) {
      return sendAxorResponse(reply, axor.errorResponse(readError, path));
    }
  };
}
