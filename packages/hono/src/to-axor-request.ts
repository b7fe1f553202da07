import type { AxorRequest } from "@axor/core";
import type { Context } from "hono";
import type { AxorAuthOptions } from "./axor-auth.js";
import { neutralRequest } from "./neutral-request.js";

/**
 * The core's view of a Hono request (headers, client address, protocol; no body), for the
 * server-side API on your own routes: `axor.checkOrigin`, `axor.authenticate`, `axor.clientInfo`.
 *
 * @example
 * ```ts
 * app.post("/api/notes", axorAuth(axor), (c) => {
 *   axor.checkOrigin(toAxorRequest(c)); // throws 403 CSRFFailed for a cross-site cookie POST
 *   // ...
 * });
 * ```
 */
export function toAxorRequest(c: Context, options: AxorAuthOptions = {}): AxorRequest {
  return neutralRequest(c, "", undefined, options.getClientIp);
}
