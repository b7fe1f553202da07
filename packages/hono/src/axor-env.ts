import type { AuthState } from "@axor/core";

/**
 * The Hono environment the Axor middleware adds to: `c.get("axor")` is the caller's
 * `{ user, session }`, or null when the request is not authenticated.
 *
 * @example
 * ```ts
 * const app = new Hono<AxorEnv>();
 * app.get("/me", requireAuth(axor), (c) => c.json(c.get("axor")?.user));
 * ```
 */
export interface AxorEnv {
  Variables: { axor: AuthState | null };
}
