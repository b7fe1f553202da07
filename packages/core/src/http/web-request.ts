import type { AxorRequest } from "./neutral-http.js";

/**
 * The neutral request of a Web-standard `Request` (Fetch API runtimes: Bun, Deno, workers).
 * The Request carries no client address: pass the socket peer as `ip`. A missing `Host`
 * header is taken from the URL, for the CSRF check's "own origin".
 *
 * @example
 * ```ts
 * declare const incoming: Request; // GET http://localhost/api/user/me/
 * declare const peerAddress: string; // the socket peer, however the runtime exposes it
 * const target = { path: "/me/", mountPath: "/api/user" };
 * const response = await axor.handle(webRequest(incoming, target, undefined, peerAddress));
 * ```
 */
export function webRequest(
  request: Request,
  target: { path: string; mountPath: string },
  body: AxorRequest["body"],
  ip: string,
): AxorRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers.host ??= url.host;
  const protocol = url.protocol === "https:" ? "https" : "http";
  return { method: request.method.toUpperCase(), ...target, headers, body, ip, protocol };
}
