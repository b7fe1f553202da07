import type { AxorError } from "../errors/axor-error.js";
import type { AxorResponse } from "./neutral-http.js";

/**
 * The contract's error envelope (`application/problem+json`) for an `AxorError`. Adapters use
 * it for their guards' 401s, so every error body has one shape.
 *
 * @example
 * ```ts
 * const response = problemResponse(new AxorError("NotAuthenticated"), "/api/hello");
 * // { status: 401, body: '{"title":"Not authenticated",...,"code":"NotAuthenticated",...}' }
 * ```
 */
export function problemResponse(error: AxorError, instance: string): AxorResponse {
  return {
    status: error.status,
    headers: {
      "content-type": "application/problem+json; charset=utf-8",
      "cache-control": "no-store",
      ...error.headers,
    },
    setCookies: [],
    body: JSON.stringify({
      title: error.title,
      detail: error.detail,
      status: String(error.status),
      code: error.code,
      instance,
      ...(error.errors ? { errors: error.errors } : {}),
    }),
  };
}
