import type { ClientInfo } from "../api/client-info.js";
import { AxorError } from "../errors/axor-error.js";
import type { AxorRequest } from "./neutral-http.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(value: string | undefined): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Blocks cross-site use of the session cookie: a state-changing request that carries the
 * cookie (and no Bearer key) must come from the request's own origin or a trusted one, as told
 * by `Origin`, else (no Origin header at all) `Referer`. Neither header: refused too (a browser
 * always sends one of them).
 */
export function checkCsrf(
  request: AxorRequest,
  client: ClientInfo,
  trusted: ReadonlySet<string>,
): void {
  if (SAFE_METHODS.has(request.method) || client.credential?.source !== "cookie") return;
  // A present Origin decides (even "null" or garbage, which never match); Referer only when
  // there is no Origin header at all.
  const { origin: originHeader, referer } = request.headers;
  const origin = originOf(originHeader !== undefined ? originHeader : referer);
  const host = request.headers.host;
  const own = host ? originOf(`${client.secure ? "https" : "http"}://${host}`) : null;
  if (origin !== null && (origin === own || trusted.has(origin))) return;
  throw new AxorError("CSRFFailed");
}
