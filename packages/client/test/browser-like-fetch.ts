import { CookieJar } from "../../testing/src/http/cookie-jar.js";
import type { FetchFunction } from "../src/index.js";

/**
 * A fetch that behaves like a browser page on `pageOrigin` for the cookie-session part: it
 * keeps the cookies the server sets and sends them back, and names the page's origin in
 * `Origin` (as browsers do on state-changing requests). Node's fetch does neither.
 */
export function browserLikeFetch(pageOrigin: string): FetchFunction & { jar: CookieJar } {
  const jar = new CookieJar();
  const fetchWithCookies = async (input: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    headers.set("origin", pageOrigin);
    const cookie = jar.header();
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(input, { ...init, headers });
    jar.store(response.headers.getSetCookie());
    return response;
  };
  return Object.assign(fetchWithCookies, { jar });
}
