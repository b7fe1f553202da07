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

/** The request's own origin, from its Host and whether it arrived over https. */
function ownOrigin(request: AxorRequest, client: ClientInfo): string | null {
  const host = request.headers.host;
  return host ? originOf(`${client.secure ? "https" : "http"}://${host}`) : null;
}

/**
 * The origin that `Origin` (when present, even "null" or garbage, which never match) or else
 * `Referer` names; undefined when the request carries neither header.
 */
function claimedOrigin(request: AxorRequest): string | null | undefined {
  const { origin, referer } = request.headers;
  if (origin !== undefined) return originOf(origin);
  return referer !== undefined ? originOf(referer) : undefined;
}

/**
 * Blocks cross-site use of the session cookie: a state-changing request that carries the
 * cookie (and no Bearer key) must come from the request's own origin or a trusted one, as told
 * by `Origin`, else (no Origin header at all) `Referer`. Neither header: refused too (a browser
 * always sends one of them).
 *
 * Login CSRF: a web-mode request with no credential at all, to an endpoint that sets or clears
 * the session cookie (`setsCookie`: login, register, magic-link consume, logout), is refused
 * when it names a foreign origin, so another site cannot sign a browser into an account of its
 * choosing. Without either header it is served (a script or an app, not a browser's form).
 */
export function checkCsrf(
  request: AxorRequest,
  client: ClientInfo,
  trusted: ReadonlySet<string>,
  setsCookie = false,
): void {
  if (SAFE_METHODS.has(request.method)) return;
  const source = client.credential?.source;
  if (source === "bearer") return;
  if (source !== "cookie" && !(setsCookie && client.mode === "web")) return;
  const origin = claimedOrigin(request);
  if (origin === undefined && source !== "cookie") return; // no cookie, no browser: nothing to forge
  if (origin && (origin === ownOrigin(request, client) || trusted.has(origin))) return;
  throw new AxorError("CSRFFailed");
}
