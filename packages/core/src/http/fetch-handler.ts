import type { Axor } from "../axor-api.js";
import type { AxorResponse } from "./neutral-http.js";
import { readLimitedStream } from "./read-limited-stream.js";
import { webRequest } from "./web-request.js";

/**
 * Options of `fetchHandler`.
 *
 * @example
 * ```ts
 * declare function peerAddressOf(request: Request): string; // from your runtime
 * const options: FetchHandlerOptions = {
 *   mountPath: "/api/user", // "/api/user/me/" reaches the core as "/me/"
 *   clientIp: (request) => peerAddressOf(request), // however your runtime exposes the socket peer
 * };
 * const handler = fetchHandler(axor, options);
 * ```
 */
export interface FetchHandlerOptions {
  /** The path prefix the handler is mounted at, stripped from the URL (e.g. "/api/user"). */
  mountPath?: string;
  /**
   * The client's address: required, since a `Request` does not carry one. Return `""` when the
   * runtime cannot tell: per-IP rate limits are then skipped (with a warning), never shared
   * by every caller as one loopback bucket.
   */
  clientIp: (request: Request) => string;
}

/**
 * Serves the contract as a Web-standard `(Request) => Promise<Response>` function: for
 * runtimes and frameworks built on the Fetch API, and for tests.
 *
 * @example
 * ```ts
 * const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "203.0.113.9" });
 * const response = await handler(new Request("http://localhost/api/user/me/"));
 * ```
 */
export function fetchHandler(axor: Axor, options: FetchHandlerOptions) {
  if (typeof options?.clientIp !== "function") {
    throw new TypeError(
      'fetchHandler: the "clientIp" option is required (a Request carries no client address); return "" when the runtime cannot tell',
    );
  }
  const mountPath = (options.mountPath ?? "").replace(/\/+$/, "");
  return async function handleFetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(mountPath)
      ? url.pathname.slice(mountPath.length)
      : url.pathname;
    const target = { path: path.startsWith("/") ? path : `/${path}`, mountPath };
    const ip = options.clientIp(request) ?? "";
    let result: AxorResponse;
    try {
      const body = request.body ? await readLimitedStream(request.body) : undefined;
      result = await axor.handle(webRequest(request, target, body, ip));
    } catch (error) {
      // The body read failed (the client went away mid-body): the envelope all the same.
      result = axor.errorResponse(error, `${mountPath}${target.path}`);
    }
    const responseHeaders = new Headers(result.headers);
    for (const cookie of result.setCookies) responseHeaders.append("set-cookie", cookie);
    return new Response(result.body, { status: result.status, headers: responseHeaders });
  };
}
