import { AxorError } from "@axor/core";

/** An error as a page shows it: the contract's title and detail, and per-field messages. */
export interface PageError {
  title: string;
  detail: string;
  fields: Record<string, string[]>;
  /** The contract's code, e.g. "TOTPRequired". */
  code: string;
  status: number;
}

/** The page view of a thrown error; anything but an `AxorError` is rethrown. */
export function pageErrorOf(error: unknown): PageError {
  if (!(error instanceof AxorError)) throw error;
  return {
    title: error.title,
    detail: error.detail,
    fields: error.errors ?? {},
    code: error.code,
    status: error.status,
  };
}
