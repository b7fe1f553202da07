import type { AxorResponse } from "./neutral-http.js";

/** A JSON (or, for 204, empty) API response; API answers are never cached. */
export function jsonResponse(
  status: number,
  body: unknown,
  setCookies: string[] = [],
): AxorResponse {
  const empty = status === 204 || body === undefined;
  return {
    status,
    headers: empty
      ? { "cache-control": "no-store" }
      : { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    setCookies,
    body: empty ? null : JSON.stringify(body),
  };
}
