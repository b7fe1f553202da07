import type { AuthState, Axor } from "@axor/core";
import type { AxorHook } from "./guards.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's user and session, or null. Resolved by `axorPlugin` and by the guards. */
    axor: AuthState | null;
  }
  interface FastifyInstance {
    /** The guards of the Axor instance `axorPlugin` was registered with. */
    axor: {
      axor: Axor;
      requireAuth: AxorHook;
      requireSessionCookie: AxorHook;
      requireAppToken: AxorHook;
    };
  }
}
