import type { AxorResponse } from "@axor/core";
import type { Context } from "hono";
import type { StatusCode } from "hono/utils/http-status";

/**
 * Turns a neutral response into Hono's: status, every header, each Set-Cookie appended as its
 * own header line (after any set earlier in the chain, e.g. a slid session's), and the body.
 *
 * @example
 * ```ts
 * return axorResponse(c, await axor.handle(request));
 * ```
 */
export function axorResponse(c: Context, response: AxorResponse): Response {
  for (const [name, value] of Object.entries(response.headers)) {
    if (name.toLowerCase() !== "set-cookie") c.header(name, value);
  }
  for (const cookie of response.setCookies) c.header("set-cookie", cookie, { append: true });
  c.status(response.status as StatusCode);
  return response.body === null ? c.body(null) : c.body(response.body);
}
