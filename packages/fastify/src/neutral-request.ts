import type { TLSSocket } from "node:tls";
import type { AxorRequest } from "@axor/core";
import type { FastifyRequest } from "fastify";

/** Node's headers as the core wants them: lower-case names, repeated values joined. */
function flatHeaders(request: FastifyRequest): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.raw.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/**
 * The request's path (no query) split at the mount prefix. The bare mount ("/api/user", no
 * slash) is sent whole with an empty mount, so the envelope's `instance` echoes what the
 * client sent (no endpoint lives there).
 */
function splitAtPrefix(
  prefix: string,
  request: FastifyRequest,
): { path: string; mountPath: string } {
  const url = request.raw.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (prefix === "") return { path, mountPath: "" };
  if (path.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase()) {
    const rest = path.slice(prefix.length);
    if (rest === "") return { path, mountPath: "" };
    return { path: rest.startsWith("/") ? rest : `/${rest}`, mountPath: prefix };
  }
  const wildcard = (request.params as Record<string, string> | undefined)?.["*"] ?? "";
  return { path: `/${wildcard}`, mountPath: prefix };
}

/**
 * Translates a Fastify request into the core's neutral request. `prefix` is the mount the
 * routes were registered under; the client IP is the socket peer (the core applies
 * `trustedProxies`; Fastify's `trustProxy` is not consulted).
 *
 * @example
 * ```ts
 * const response = await axor.handle(neutralRequest("/api/user", request, body));
 * ```
 */
export function neutralRequest(
  prefix: string,
  request: FastifyRequest,
  body?: AxorRequest["body"],
): AxorRequest {
  return {
    method: request.raw.method?.toUpperCase() ?? "GET",
    ...splitAtPrefix(prefix, request),
    headers: flatHeaders(request),
    body,
    ip: request.raw.socket.remoteAddress ?? "",
    protocol: (request.raw.socket as TLSSocket).encrypted === true ? "https" : "http",
  };
}
