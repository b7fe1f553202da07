import type { AuthState, Axor } from "@axor/core";
import type { Context, MiddlewareHandler } from "hono";
import type { AxorEnv } from "./axor-env.js";
import { axorResponse } from "./axor-response.js";
import type { GetClientIp } from "./neutral-request.js";
import { rawPath } from "./raw-path.js";
import { toAxorRequest } from "./to-axor-request.js";

/**
 * Options of `axorAuth` and the guards.
 *
 * @example
 * ```ts
 * import { getConnInfo } from "hono/bun";
 *
 * const options: AxorAuthOptions = { getClientIp: (c) => getConnInfo(c).remote.address };
 * app.use(axorAuth(axor, options));
 * app.get("/api/hello", requireAuth(axor, options), (c) =>
 *   c.json({ hello: c.get("axor")?.user.first_name }),
 * );
 * ```
 */
export interface AxorAuthOptions {
  /** The socket peer's address on runtimes other than `@hono/node-server` (see `axorApp`). */
  getClientIp?: GetClientIp;
}

const resolved = new WeakSet<Context>();

/**
 * Resolves the request's credential once per request and stores it as `c.get("axor")`; a
 * session that slid re-sets its cookie on the response. Later calls return the stored result.
 */
export async function resolveAuth(
  axor: Axor,
  c: Context<AxorEnv>,
  options: AxorAuthOptions,
): Promise<AuthState | null> {
  if (resolved.has(c)) return c.get("axor");
  const { auth, setCookies } = await axor.authenticate(toAxorRequest(c, options));
  for (const cookie of setCookies) c.header("set-cookie", cookie, { append: true });
  c.set("axor", auth);
  resolved.add(c);
  return auth;
}

/**
 * Middleware that sets `c.get("axor")` to the caller's `{ user, session }`, or null when the
 * request carries no valid credential. It never rejects a request: use a guard for that.
 *
 * @example
 * ```ts
 * const app = new Hono<AxorEnv>();
 * app.use(axorAuth(axor));
 * app.get("/", (c) => c.text(c.get("axor") ? "signed in" : "anonymous"));
 * ```
 */
export function axorAuth(axor: Axor, options: AxorAuthOptions = {}): MiddlewareHandler<AxorEnv> {
  return async (c, next) => {
    try {
      await resolveAuth(axor, c, options);
    } catch (error) {
      return axorResponse(c, axor.errorResponse(error, rawPath(c)));
    }
    await next();
  };
}
