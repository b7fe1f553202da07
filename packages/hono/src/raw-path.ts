import type { Context } from "hono";

/**
 * The request's path as the client sent it (percent-encoding kept, no query), where Hono's
 * `c.req.path` is decoded: the other adapters pass Node's raw `req.url`, and the core must see
 * the same bytes from all of them.
 *
 * @example
 * ```ts
 * rawPath(c); // "/api/user/%6De/" where c.req.path is "/api/user/me/"
 * ```
 */
export function rawPath(c: Context): string {
  const url = c.req.url;
  const start = url.indexOf("/", url.indexOf("://") + 3);
  if (start === -1) return "/";
  const query = url.indexOf("?", start);
  const hash = url.indexOf("#", start);
  const end = [query, hash]
    .filter((index) => index !== -1)
    .reduce((a, b) => Math.min(a, b), url.length);
  return url.slice(start, end);
}
