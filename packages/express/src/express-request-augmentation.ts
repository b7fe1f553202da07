import type { AuthState } from "@axor/core";

declare global {
  namespace Express {
    interface Request {
      /**
       * Who is calling, set by `axorAuth` or by a guard: the user and session, or null when the
       * request is not authenticated. Undefined until one of them has run.
       */
      axor?: AuthState | null;
    }
  }
}
