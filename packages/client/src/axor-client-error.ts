import type { AxorClientErrorCode } from "./error-code.js";
import type { Problem } from "./problem.js";

/**
 * The one error an Axor client throws: the server's error envelope (`problem`), with its
 * `code` typed as the union of the catalogue's codes (plus `NetworkError` and
 * `UnexpectedResponse` for failures that brought no envelope).
 *
 * @example
 * ```ts
 * declare function askForTheCode(): void; // your UI
 * try {
 *   await axor.login({ email: "ada@example.com", password: "wrong password" });
 * } catch (error) {
 *   if (!(error instanceof AxorClientError)) throw error;
 *   if (error.code === "TOTPRequired") askForTheCode();
 *   else if (error.code === "InvalidCredentials") console.log(error.problem.detail);
 *   else if (error.code === "ValidationError") console.log(error.problem.errors);
 * }
 * ```
 */
export class AxorClientError extends Error {
  override readonly name = "AxorClientError";
  /** The HTTP status; 0 when no answer came. */
  readonly status: number;
  readonly code: AxorClientErrorCode;
  /** The envelope as the server sent it (made up by the client for its own codes). */
  readonly problem: Problem;
  /** `Retry-After` in seconds, on 429 answers that carry it. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, options: { retryAfter?: number; cause?: unknown } = {}) {
    super(problem.detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.problem = problem;
    this.code = problem.code;
    this.status = Number(problem.status);
    this.retryAfter = options.retryAfter;
  }
}
