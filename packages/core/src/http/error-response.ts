import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { StorageUnavailableError } from "../storage/storage-unavailable-error.js";
import type { AxorResponse } from "./neutral-http.js";
import { problemResponse } from "./problem-response.js";

/**
 * Any error as the contract's envelope: an `AxorError` as itself, an unreachable storage as
 * 503 `ServiceUnavailable`, anything else as 500 `InternalError` with no internal detail. The
 * last two are reported through `onError` with what was being done.
 */
export function errorResponse(
  ctx: AxorContext,
  error: unknown,
  instance: string,
  during: string,
): AxorResponse {
  if (error instanceof AxorError) return problemResponse(error, instance);
  ctx.reportError(error, during);
  if (error instanceof StorageUnavailableError) {
    return problemResponse(
      new AxorError("ServiceUnavailable", { headers: { "retry-after": "5" } }),
      instance,
    );
  }
  return problemResponse(new AxorError("InternalError"), instance);
}
