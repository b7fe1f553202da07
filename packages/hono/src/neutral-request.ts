import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { AxorRequest } from "@axor/core";
import type { Context } from "hono";
import { rawPath } from "./raw-path.js";

/**
 * How an app finds the socket peer's address on runtimes other than `@hono/node-server`.
 *
 * @example
 * ```ts
 * import { getConnInfo } from "hono/deno";
 *
 * const getClientIp: GetClientIp = (c) => getConnInfo(c).remote.address;
 * app.route("/api/user", axorApp(axor, { getClientIp }));
 * ```
 */
export type GetClientIp = (c: Context) => string | undefined;

/** `@hono/node-server` puts Node's request in `c.env.incoming`; other runtimes do not. */
/** The Node request behind `c` on `@hono/node-server`, else undefined. */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket ? env.incoming : undefined;
}

/**
 * On `@hono/node-server` the headers come from Node's own parsed object: touching
 * `c.req.raw.headers` would build a whole Web `Request` (measured: ~100 us per request).
 */
function headersOf(
  c: Context,
  incoming: IncomingMessage | undefined,
): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  if (incoming) {
    for (const [name, value] of Object.entries(incoming.headers)) {
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    return headers;
  }
  c.req.raw.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

function protocolOf(c: Context, incoming: IncomingMessage | undefined): "http" | "https" {
  if (incoming) return (incoming.socket as TLSSocket).encrypted === true ? "https" : "http";
  return new URL(c.req.url).protocol === "https:" ? "https" : "http";
}

/**
 * Translates a Hono context into the core's neutral request. `path` is the request path
 * below `mount`; the client IP is `getClientIp(c)` when given, else the socket peer from
 * `@hono/node-server` (the core applies `trustedProxies` to forwarded headers).
 *
 * @example
 * ```ts
 * const response = await axor.handle(neutralRequest(c, "/api/user", await requestBody(c)));
 * ```
 */
export function neutralRequest(
  c: Context,
  mount: string,
  body?: AxorRequest["body"],
  getClientIp?: GetClientIp,
): AxorRequest {
  const incoming = nodeIncoming(c);
  // The bare mount ("/api/user", no slash) is sent whole with an empty mount, so the
  // envelope's `instance` echoes what the client sent (no endpoint lives there).
  const path = rawPath(c);
  const rest = path.slice(mount.length);
  const atBareMount = rest === "" && mount !== "";
  return {
    method: c.req.method.toUpperCase(),
    path: atBareMount ? path : rest.startsWith("/") ? rest : `/${rest}`,
    mountPath: atBareMount ? "" : mount,
    headers: headersOf(c, incoming),
    body,
    ip: getClientIp?.(c) ?? incoming?.socket.remoteAddress ?? "",
    protocol: protocolOf(c, incoming),
  };
}
