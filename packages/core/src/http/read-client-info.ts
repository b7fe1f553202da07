import { isIP } from "node:net";
import type { ClientInfo, Credential } from "../api/client-info.js";
import { djangoAxorBearer, djangoAxorCookie } from "../legacy/legacy-credential.js";
import type { ResolvedAxorOptions } from "../options/resolve-axor-options.js";
import { readAxorCookies } from "../sessions/session-cookie.js";
import type { AxorRequest } from "./neutral-http.js";
import { normalizeIp, type TrustedProxies } from "./trusted-proxies.js";

const BEARER_SCHEME = /^Bearer(?:[ \t]|$)/i;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy, the nearest
 * address in `X-Forwarded-For` that is not itself a trusted proxy (ports dropped). A hop that
 * is no address at all ends the chain: the trusted proxy that wrote it is taken instead, so
 * junk never becomes a rate-limit key of its own.
 */
function clientIp(request: AxorRequest, proxies: TrustedProxies): string {
  const peer = normalizeIp(request.ip);
  if (!proxies.trusts(peer)) return peer;
  const forwarded = request.headers["x-forwarded-for"];
  if (!forwarded) return peer;
  let nearest = peer;
  const hops = forwarded.split(",").map(normalizeIp);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (isIP(hop) === 0) return nearest;
    if (!proxies.trusts(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

function isSecure(request: AxorRequest, proxies: TrustedProxies): boolean {
  if (request.protocol === "https") return true;
  if (!proxies.trusts(request.ip)) return false;
  const proto = request.headers["x-forwarded-proto"]?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

function credential(
  request: AxorRequest,
  options: ResolvedAxorOptions,
  sessionCookie: string | null,
): Credential | null {
  const django = options.legacy.djangoAxor;
  const authorization = request.headers.authorization;
  if (authorization && BEARER_SCHEME.test(authorization)) {
    // A malformed Bearer header is a (bad) credential, never a fallback to the cookie. Other
    // schemes (a staging site's HTTP Basic auth) are not Axor's: the cookie still counts.
    const key = BEARER.exec(authorization)?.[1] ?? "";
    return django ? djangoAxorBearer(django, key) : { source: "bearer", key };
  }
  if (django) return djangoAxorCookie(django, request.headers.cookie, sessionCookie);
  return sessionCookie ? { source: "cookie", key: sessionCookie } : null;
}

/** Who is calling: address, user agent, web or app mode, and the credential sent. */
export function readClientInfo(
  request: AxorRequest,
  options: ResolvedAxorOptions,
  proxies: TrustedProxies,
): ClientInfo {
  // A repeated header arrives joined ("web, web"): web only when every value says web.
  const requestedBy = request.headers["x-requested-by"]
    ?.split(",")
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== "" && value !== "web")
    .join(",");
  const cookies = readAxorCookies(options.cookie, request.headers.cookie);
  return {
    ip: clientIp(request, proxies),
    userAgent: request.headers["user-agent"] ?? null,
    mode: requestedBy ? "app" : "web",
    credential: credential(request, options, cookies.session),
    secure: isSecure(request, proxies),
    deviceToken: cookies.device,
  };
}
