import type { AuthState } from "@axor/core";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * Who is calling, set by `axorAuth` or a guard: the user and session, or null when the
     * request is not authenticated (and before either has run).
     */
    axor: AuthState | null;
  }
}
