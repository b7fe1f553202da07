import { type ErrorCode, errorCatalogue } from "./error-catalogue.js";

/**
 * Field name -> messages, as in the envelope's `errors`.
 *
 * @example
 * ```ts
 * try {
 *   const input = { email: "not-an-email", password, first_name: "", last_name: "L" };
 *   await axor.register(input, client);
 * } catch (error) {
 *   if (error instanceof AxorError && error.code === "ValidationError") {
 *     const errors: FieldErrors = error.errors ?? {};
 *     // { email: ["Enter a valid email address."], first_name: ["This field may not be blank."] }
 *   }
 * }
 * ```
 */
export type FieldErrors = Record<string, string[]>;

/**
 * The one error type of the library: every failure the contract names. Server-side calls
 * throw it; `axor.handle` turns it into the problem+json envelope.
 *
 * @example
 * ```ts
 * declare function askForCode(): void; // your UI
 * try {
 *   await axor.login({ email, password }, client);
 * } catch (err) {
 *   if (err instanceof AxorError && err.code === "TOTPRequired") askForCode();
 * }
 * ```
 */
export class AxorError extends Error {
  override readonly name = "AxorError";
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldErrors | undefined;
  /** Extra response headers (e.g. `Retry-After`, `Allow`). */
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    options: { detail?: string; errors?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    const [status, title, detail] = errorCatalogue[code];
    super(options.detail ?? detail);
    this.status = status;
    this.title = title;
    this.detail = options.detail ?? detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}
