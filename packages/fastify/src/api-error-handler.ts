import type { Axor } from "@axor/core";
import { pathOf } from "@axor/core/adapter";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { sendAxorResponse, toAxorRequest } from "./fastify-request.js";

/** Serves one request of the Axor routes through the core. */
export type ServeApi = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/**
 * The error handler of the Axor routes' context: Fastify answers nothing there itself. A
 * `Content-Type` Fastify cannot parse (empty, `json`, a list) goes to the core, which judges
 * it like any other adapter (415, or 204 on `logout/` that ignores the body); an `AxorError`
 * (a body read the client abandoned) is its envelope; anything else the 500 envelope, reported
 * through the request's logger.
 */
export function apiErrorHandler(axor: Axor, serve: ServeApi) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return serve(request, reply);
    const instance = pathOf(request.raw.url ?? "/");
    return sendAxorResponse(reply, axor.errorResponse(error, instance, toAxorRequest(request)));
  };
}
