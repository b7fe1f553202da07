/**
 * The framework-neutral request an adapter hands to `axor.handle`.
 *
 * @example
 * ```ts
 * const response = await axor.handle({
 *   method: "POST",
 *   path: "/login/",
 *   headers: { "content-type": "application/json" },
 *   body: Buffer.from('{"email":"a@example.com","password":"secret123"}'),
 *   ip: "127.0.0.1",
 *   protocol: "http",
 * });
 * ```
 */
export interface AxorRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path relative to the mount point, starting with "/" (e.g. "/login/"); no query string. */
  path: string;
  /** Where the handler is mounted (e.g. "/api/user"), for the envelope's `instance`. */
  mountPath?: string;
  /** Header names in lower case. Repeated headers joined with ", " (as Node does). */
  headers: Readonly<Record<string, string | undefined>>;
  /**
   * The body: raw bytes or text as received, or an already parsed value (when the host
   * framework parsed JSON first), or undefined when there is none.
   */
  body?: Uint8Array | string | ParsedBody | undefined;
  /** The socket's peer address. Forwarded headers are honoured only per `trustedProxies`. */
  ip: string;
  /** The protocol the request arrived over at this server. */
  protocol: "http" | "https";
  /**
   * Where errors met while serving this request are reported when `createAxor` has no `onError`
   * (default: `console.error`). An adapter passes its framework's logger, such as Fastify's
   * `request.log`, so reports land in the app's log stream.
   */
  log?: ((error: unknown, during: string) => void) | undefined;
}

/**
 * A body a host framework already parsed, tagged so it is not mistaken for raw text.
 *
 * @example
 * ```ts
 * declare const req: import("express").Request;
 * // express.json() already read the stream: hand the core the parsed value and the raw size
 * const body: ParsedBody = { parsed: req.body, size: Number(req.headers["content-length"]) };
 * const response = await axor.handle(nodeRequest(req, undefined, body));
 * ```
 */
export interface ParsedBody {
  parsed: unknown;
  /** The size of the raw body when known, for the 64 KiB limit. */
  size?: number;
}

/**
 * The framework-neutral response `axor.handle` returns. `headers` values are strings except
 * `set-cookie`, which is a list (one entry per cookie).
 *
 * @example
 * ```ts
 * // writing it back on Node's http.ServerResponse, one Set-Cookie line per cookie
 * const response: AxorResponse = await axor.handle(request);
 * res.writeHead(response.status, { ...response.headers, "set-cookie": response.setCookies });
 * res.end(response.body ?? undefined);
 * ```
 */
export interface AxorResponse {
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  /** Serialized body (JSON or HTML), or null for an empty body. */
  body: string | null;
}
