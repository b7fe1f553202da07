import type { AxorRequest, AxorResponse } from "@axor/core";
import { declaresBody, nodeRequest, pathOf, readNodeBody, splitAtMount } from "@axor/core/adapter";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Core errors met while serving `request` go to its logger, in the app's log stream. */
const logTo = (request: FastifyRequest) => (error: unknown, during: string) =>
  request.log.error({ err: error }, `axor: ${during}`);

/**
 * A request to the Axor routes under `prefix`, with its body: the raw bytes the routes' parser
 * kept, nothing for a request that declares none, or else the stream read here. Only the last
 * returns a promise, so a GET costs no promise layer.
 */
export function routesRequest(
  prefix: string,
  request: FastifyRequest,
): AxorRequest | Promise<AxorRequest> {
  const raw: unknown = request.body;
  if (raw instanceof Uint8Array || typeof raw === "string") return toRoutes(prefix, request, raw);
  if (!declaresBody(request.headers)) return toRoutes(prefix, request, undefined);
  return readNodeBody(request.raw).then((body) => toRoutes(prefix, request, body));
}

function toRoutes(prefix: string, request: FastifyRequest, body: AxorRequest["body"]) {
  // A prefix sent percent-encoded does not match as text: Fastify's wildcard holds the rest.
  const path = pathOf(request.raw.url ?? "/");
  const target = splitAtMount(path, prefix) ?? {
    path: `/${(request.params as Record<string, string> | undefined)?.["*"] ?? ""}`,
    mountPath: prefix,
  };
  const axorRequest = nodeRequest(request.raw, target, body);
  axorRequest.log = logTo(request);
  return axorRequest;
}

/**
 * The core's view of a Fastify request on your own routes (no body), for the server-side API.
 * @example
 * ```ts
 * const { ip, mode } = axor.clientInfo(toAxorRequest(request));
 * ```
 */
export function toAxorRequest(request: FastifyRequest): AxorRequest {
  const axorRequest = nodeRequest(request.raw);
  axorRequest.log = logTo(request);
  return axorRequest;
}

/** Writes a neutral response through Fastify; Set-Cookie lines add to any already set. */
export function sendAxorResponse(reply: FastifyReply, response: AxorResponse): FastifyReply {
  reply.code(response.status).headers(response.headers);
  if (response.setCookies.length > 0) reply.header("set-cookie", response.setCookies);
  return reply.send(response.body ?? undefined);
}
