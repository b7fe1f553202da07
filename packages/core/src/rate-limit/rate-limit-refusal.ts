import { AxorError } from "../errors/axor-error.js";
import type { ErrorCode } from "../errors/error-catalogue.js";

/** A 429-style refusal `code` whose Retry-After counts the seconds from `at` to `until`. */
export function rateLimitRefusal(code: ErrorCode, until: Date, at: Date): AxorError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
  return new AxorError(code, { headers: { "retry-after": String(retryAfter) } });
}
