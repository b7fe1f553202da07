import type { AxorResponse } from "./neutral-http.js";

/** A JSON (or, for 204, empty) API response; API answers are never cached. */
export function jsonResponse(
  status: number,
  body: unknown,
  setCookies: string[] = [],
): AxorResponse {
  if (status === 204 || body === undefined) {
    return { status, headers: { "cache-control": "no-store" }, setCookies, body: null };
  }
  return jsonTextResponse(status, JSON.stringify(body), setCookies);
}

/** `jsonResponse` of a body already serialized to JSON text. */
export function jsonTextResponse(
  status: number,
  json: string,
  setCookies: string[] = [],
): AxorResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    setCookies,
    body: json,
  };
}
