import type { AxorResponse } from "@axor/core";

/** Scripts: none at all; styles and images only from this site (and https logos). */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https: data:; form-action 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
};

/** An HTML page with the security headers. */
export function htmlResponse(
  status: number,
  body: string,
  setCookies: string[] = [],
): AxorResponse {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS },
    setCookies,
    body,
  };
}

/** A 303 See Other to a same-site path (post, redirect, get). */
export function redirectResponse(location: string, setCookies: string[] = []): AxorResponse {
  return { status: 303, headers: { location, ...SECURITY_HEADERS }, setCookies, body: null };
}

/** The stylesheet; cacheable for an hour. */
export function cssResponse(css: string): AxorResponse {
  return {
    status: 200,
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
    setCookies: [],
    body: css,
  };
}
