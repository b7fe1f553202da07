/**
 * A `.` or `..` segment, raw or percent-encoded (`%2e`, `%2E`, `.%2e`...), or a percent-encoded
 * slash or backslash (`%2f`, `%5c`). Routers disagree on these: some resolve the dot segments,
 * some decode the slash, some serve the path as written. The core refuses them all.
 */
const AMBIGUOUS_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)|%2f|%5c/i;

/**
 * The one path rule of every adapter: a path (below the mount, as the client sent it, percent
 * encoding kept) with a dot segment or an encoded slash names no endpoint, whatever a
 * framework would make of it, so it is answered 404 `NotFound` by the core on every adapter
 * alike (Hono would otherwise serve `/api/user/%2e%2e/user/login/` as login).
 *
 * @example
 * ```ts
 * isRoutablePath("/login/"); // true
 * isRoutablePath("/%2e%2e/user/login/"); // false
 * isRoutablePath("/../user/login/"); // false
 * isRoutablePath("/me%2f"); // false
 * ```
 */
export function isRoutablePath(path: string): boolean {
  return !AMBIGUOUS_SEGMENT.test(path);
}
