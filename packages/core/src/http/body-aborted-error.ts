import { AxorError } from "../errors/axor-error.js";

/**
 * What reading a request body throws when the client hangs up (or the stream fails) before the
 * body ended: the contract's 400 `InvalidJSON`, an answer in the envelope that no one will
 * read, and not an error worth reporting (a client going away is routine).
 *
 * @example
 * ```ts
 * const failed: Promise<never> = Promise.reject(bodyAbortedError()); // a read that was cut short
 * failed.catch(() => {});
 * ```
 */
export function bodyAbortedError(): AxorError {
  return new AxorError("InvalidJSON", {
    detail: "The request body ended before it was complete.",
  });
}
