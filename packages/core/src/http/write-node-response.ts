import type { ServerResponse } from "node:http";
import type { AxorResponse } from "./neutral-http.js";

/**
 * Adds Set-Cookie lines to a Node response, after any already set (by the app, or by an
 * earlier middleware's slid session).
 *
 * @example
 * ```ts
 * const { setCookies } = await axor.authenticate(nodeRequest(req));
 * appendSetCookies(res, setCookies); // a slid session's renewed cookie, after the app's own
 * ```
 */
export function appendSetCookies(res: ServerResponse, cookies: readonly string[]): void {
  if (cookies.length === 0) return;
  const existing = res.getHeader("set-cookie");
  const earlier =
    existing === undefined ? [] : Array.isArray(existing) ? existing : [`${existing}`];
  res.setHeader("set-cookie", [...earlier, ...cookies]);
}

/**
 * Writes a neutral response on a Node `ServerResponse` (Express's `res` is one): status, every
 * header, each Set-Cookie as its own line, and the body exactly as the core serialized it.
 *
 * @example
 * ```ts
 * writeNodeResponse(res, await axor.handle(nodeRequest(req)));
 * ```
 */
export function writeNodeResponse(res: ServerResponse, response: AxorResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) {
    if (name.toLowerCase() !== "set-cookie") res.setHeader(name, value);
  }
  appendSetCookies(res, response.setCookies);
  res.end(response.body ?? undefined);
}
