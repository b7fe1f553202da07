import type { IncomingMessage } from "node:http";
import type { AxorRequest, AxorResponse } from "@axor/core";
import {
  alreadyParsedBody,
  BODY_READ_LIMIT,
  declaresBody,
  nodeRequest,
  pathOf,
  readLimitedStream,
  splitAtMount,
  webRequest,
} from "@axor/core/adapter";
import type { Context } from "hono";
import { basePath, baseRoutePath } from "hono/route";
import type { StatusCode } from "hono/utils/http-status";

/** How an app finds the socket peer's address on runtimes other than `@hono/node-server`. */
export type GetClientIp = (c: Context) => string | undefined;

/** The Node request behind `c` on `@hono/node-server`, else undefined. */
function nodeIncoming(c: Context): IncomingMessage | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket ? env.incoming : undefined;
}

/**
 * The path as the client sent it (percent-encoding and dot segments kept): Hono's `c.req.path`
 * is decoded, and its URL has `..` resolved, so on Node the request line itself is read.
 */
function rawPath(c: Context): string {
  const sent = nodeIncoming(c)?.url;
  if (sent?.startsWith("/")) return pathOf(sent);
  const start = c.req.url.indexOf("/", c.req.url.indexOf("://") + 3);
  return start === -1 ? "/" : pathOf(c.req.url.slice(start));
}

/**
 * Where the Axor sub-app is mounted, as the request's path begins: the mount as written when it
 * is plain text (the usual `/api/user`), else Hono's `basePath`, which fills in parameters and
 * wildcards (and costs a per-request cache entry).
 */
export function mountOf(c: Context): string {
  const written = baseRoutePath(c);
  return /[:*]/.test(written) ? basePath(c) : written;
}

/**
 * The neutral request of a Hono context below `mount`. On `@hono/node-server` it reads Node's
 * own request (touching `c.req.raw.headers` would build a Web `Request`: ~100 us); elsewhere
 * the Web `Request`, with the client address from `getClientIp`.
 */
export function honoRequest(
  c: Context,
  mount: string,
  body?: AxorRequest["body"],
  getClientIp?: GetClientIp,
): AxorRequest {
  const path = rawPath(c);
  const target = splitAtMount(path, mount) ?? {
    path: `/${path.slice(mount.length).replace(/^\//, "")}`,
    mountPath: mount,
  };
  const incoming = nodeIncoming(c);
  if (incoming) {
    const request = nodeRequest(incoming, target, body);
    return getClientIp ? { ...request, ip: getClientIp(c) ?? "" } : request;
  }
  return webRequest(c.req.raw, target, body, getClientIp?.(c) ?? "");
}

/**
 * The body: what the app already read through Hono's body methods (from Hono's cache, never
 * read twice; text and bytes stay raw), else the raw bytes, read up to 64 KiB + 1. A Node
 * request that declares no body and was not read gets `undefined` at once, with no promise.
 */
export function requestBody(c: Context): AxorRequest["body"] | Promise<AxorRequest["body"]> {
  const cache = c.req.bodyCache as Record<string, Promise<unknown> | undefined>;
  const cached = cache.text ?? cache.arrayBuffer ?? cache.blob ?? cache.json ?? cache.formData;
  const incoming = nodeIncoming(c);
  // No Web Request is built for it either.
  if (!cached && incoming && !declaresBody(incoming.headers)) return undefined;
  return readBody(c, cache);
}

async function readBody(
  c: Context,
  cache: Record<string, Promise<unknown> | undefined>,
): Promise<AxorRequest["body"]> {
  if (cache.text) return String(await cache.text);
  if (cache.arrayBuffer) return new Uint8Array((await cache.arrayBuffer) as ArrayBuffer);
  if (cache.blob) return new Uint8Array(await ((await cache.blob) as Blob).arrayBuffer());
  if (cache.json ?? cache.formData) {
    const headers = { "content-length": c.req.header("content-length") };
    return alreadyParsedBody(await (cache.json ?? cache.formData), headers);
  }
  const raw = c.req.raw;
  if (raw.body === null || raw.bodyUsed) return undefined;
  return readLimitedStream(raw.body, BODY_READ_LIMIT);
}

/** A neutral response as Hono's; Set-Cookie lines add to those set earlier in the chain. */
export function honoResponse(c: Context, response: AxorResponse): Response {
  for (const [name, value] of Object.entries(response.headers)) c.header(name, value);
  for (const cookie of response.setCookies) c.header("set-cookie", cookie, { append: true });
  c.status(response.status as StatusCode);
  return response.body === null ? c.body(null) : c.body(response.body);
}

/**
 * The core's view of a Hono request on your own routes (no body), for the server-side API.
 * @example
 * ```ts
 * app.get("/whoami", (c) => c.json({ mode: axor.clientInfo(toAxorRequest(c)).mode }));
 * ```
 */
export function toAxorRequest(c: Context, options: { getClientIp?: GetClientIp } = {}) {
  return honoRequest(c, "", undefined, options.getClientIp);
}
