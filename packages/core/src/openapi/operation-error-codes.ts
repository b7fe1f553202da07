import type { ErrorCode } from "../errors/error-catalogue.js";
import type { Route } from "../http/route.js";

/**
 * Every code a route can answer: its own (`operation.errors`) and the ones that follow from
 * how the request handler treats it (body size, JSON body, authentication, the CSRF check on
 * state-changing methods, storage failures, the last-resort 500). Sorted, no duplicates.
 */
export function operationErrorCodes(method: string, route: Route): ErrorCode[] {
  const codes = new Set<ErrorCode>(["PayloadTooLarge", "InternalError", ...route.operation.errors]);
  if (route.body) {
    for (const code of ["ValidationError", "InvalidJSON", "UnsupportedMediaType"] as const) {
      codes.add(code);
    }
  }
  if (route.auth) codes.add("NotAuthenticated");
  if (method !== "GET") codes.add("CSRFFailed");
  if (route.operation.storage !== false) codes.add("ServiceUnavailable");
  return [...codes].sort();
}
