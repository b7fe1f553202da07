import type { AxorClientErrorCode } from "./error-code.js";

/** The error envelope (`application/problem+json`) that every Axor error answers with. */
export interface Problem {
  title: string;
  /** A human sentence. */
  detail: string;
  /** The HTTP status, as a string (e.g. "401"); "0" when no answer came. */
  status: string;
  code: AxorClientErrorCode;
  /** The request's path. */
  instance: string;
  /** `ValidationError` only: field name -> messages. */
  errors?: Record<string, string[]>;
}
