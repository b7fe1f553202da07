import type { AxorRequest } from "@axor/core";

/**
 * True when a form post names an origin (Origin, else Referer) that is not this site's: the
 * check for posts without a session cookie, which `axor.checkOrigin` leaves alone.
 */
export function isForeignOrigin(request: AxorRequest, secure: boolean): boolean {
  const claimed = request.headers.origin ?? request.headers.referer;
  if (claimed === undefined) return false;
  const host = request.headers.host;
  if (!host) return true;
  try {
    return new URL(claimed).origin !== new URL(`${secure ? "https" : "http"}://${host}`).origin;
  } catch {
    return true;
  }
}
