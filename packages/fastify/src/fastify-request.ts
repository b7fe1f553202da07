import type { AxorRequest, AxorResponse } from "@axor/core";
import { nodeRequest, pathOf, readNodeBody, splitAtMount } from "@axor/core/adapter";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Core errors met while serving `request` go to its logger, in the app's log stream. */
const logTo = (request: FastifyRequest) => (error: unknown, during: string) =>
  request.log.error({ err: error }, `axor: ${during}`);

/** A request to the Axor routes under `prefix`, with its body (the raw bytes the routes' parser kept). */
export async function routesRequest(prefix: string, request: FastifyRequest): Promise<AxorRequest> {
  const raw: unknown = request.body;
  const body =
    raw instanceof Uint8Array || typeof raw === "string" ? raw : await readNodeBody(request.raw);
  // A prefix sent percent-encoded does not match as text: Fastify's wildcard holds the rest.
  const wildcard = (request.params as Record<string, string> | undefined)?.["*"] ?? "";
  const path = pathOf(request.raw.url ?? "/");
  const target = splitAtMount(path, prefix) ?? { path: `/${wildcard}`, mountPath: prefix };
  return { ...nodeRequest(request.raw, target, body), log: logTo(request) };
}

/**
 * The core's view of a Fastify request on your own routes (no body), for the server-side API.
 * @example
 * ```ts
 * const { ip, mode } = axor.clientInfo(toAxorRequest(request));
 * ```
 */
export function toAxorRequest(request: FastifyRequest): AxorRequest {
  return { ...nodeRequest(request.raw), log: logTo(request) };
}

/** Writes a neutral response through Fastify; Set-Cookie lines add to any already set. */
export function sendAxorResponse(reply: FastifyReply, response: AxorResponse): FastifyReply {
  reply.code(response.status).headers(response.headers);
  if (response.setCookies.length > 0) reply.header("set-cookie", response.setCookies);
  return reply.send(response.body ?? undefined);
}
