import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { AxorRequest } from "./neutral-http.js";

/**
 * Node's headers as the core wants them: lower-case names, repeated values joined with ", ".
 * Node already joins repeated request headers (all but `set-cookie`), so the object is used as
 * it is unless some value is an array: no copy on the hot path.
 *
 * @example
 * ```ts
 * flatHeaders({ "x-forwarded-for": ["a", "b"] }); // { "x-forwarded-for": "a, b" }
 * ```
 */
export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  if (!hasListValue(headers)) return headers as Record<string, string | undefined>;
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function hasListValue(headers: IncomingHttpHeaders): boolean {
  for (const name in headers) if (Array.isArray(headers[name])) return true;
  return false;
}

/**
 * The path of a request target, without its query or fragment, exactly as sent (percent
 * encoding kept): what the envelope's `instance` echoes.
 *
 * @example
 * ```ts
 * pathOf("/api/user/me/?x=1"); // "/api/user/me/"
 * ```
 */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * Splits a path at the mount prefix (compared without case, as routers do): `path` below it and
 * `mountPath`. The bare mount ("/api/user", no slash) is sent whole with an empty mount, so the
 * envelope's `instance` echoes what the client sent (no endpoint lives there). Null when the
 * path does not start with the mount as written (a percent-encoded prefix): the adapter then
 * uses its router's own idea of the rest.
 *
 * @example
 * ```ts
 * splitAtMount("/api/user/me/", "/api/user"); // { path: "/me/", mountPath: "/api/user" }
 * splitAtMount("/api/user", "/api/user"); // { path: "/api/user", mountPath: "" }
 * ```
 */
export function splitAtMount(
  path: string,
  mount: string,
): { path: string; mountPath: string } | null {
  if (mount === "") return { path, mountPath: "" };
  if (path.slice(0, mount.length).toLowerCase() !== mount.toLowerCase()) return null;
  const rest = path.slice(mount.length);
  if (rest === "") return { path, mountPath: "" };
  return { path: rest.startsWith("/") ? rest : `/${rest}`, mountPath: mount };
}

/**
 * The neutral request of a Node `IncomingMessage` (what Express, Fastify and `@hono/node-server`
 * all sit on): method, headers, the socket peer as `ip` (the core applies `trustedProxies`) and
 * the protocol of the socket. `target` says where the request is below the mount; without it,
 * the whole path with no mount (for the app's own routes).
 *
 * @example
 * ```ts
 * const target = splitAtMount(pathOf(req.url ?? "/"), "/api/user");
 * const body = await readNodeBody(req);
 * const response = await axor.handle(nodeRequest(req, target ?? undefined, body));
 * ```
 */
export function nodeRequest(
  incoming: IncomingMessage,
  target?: { path: string; mountPath: string },
  body?: AxorRequest["body"],
): AxorRequest {
  return {
    method: (incoming.method ?? "GET").toUpperCase(),
    path: target ? target.path : pathOf(incoming.url ?? "/"),
    mountPath: target ? target.mountPath : "",
    headers: flatHeaders(incoming.headers),
    body,
    ip: incoming.socket.remoteAddress ?? "",
    protocol: (incoming.socket as TLSSocket).encrypted === true ? "https" : "http",
  };
}
