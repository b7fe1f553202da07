import { parseSetCookie, stringifyCookie } from "cookie";

const raw = (value: string): string => value;

/**
 * The cookies a client holds: updated from `Set-Cookie` headers, sent back as `Cookie`.
 * Values are kept and sent back byte for byte; expired or zero-age cookies are removed, as a
 * browser does.
 *
 * @example
 * ```ts
 * const jar = new CookieJar();
 * jar.store(["axor_session=abc; Max-Age=60; Path=/; HttpOnly"], new Date());
 * jar.header(); // "axor_session=abc"
 * ```
 */
export class CookieJar {
  readonly #values = new Map<string, string>();

  /** Applies the `Set-Cookie` values of one response, received at `receivedAt`. */
  store(setCookies: readonly string[], receivedAt: Date = new Date()): void {
    for (const line of setCookies) {
      const cookie = parseSetCookie(line, { decode: raw });
      const expired =
        (cookie.maxAge !== undefined && cookie.maxAge <= 0) ||
        (cookie.maxAge === undefined &&
          cookie.expires !== undefined &&
          cookie.expires.getTime() <= receivedAt.getTime());
      if (expired || cookie.value === undefined) this.#values.delete(cookie.name);
      else this.#values.set(cookie.name, cookie.value);
    }
  }

  /** Sets a cookie by hand (e.g. a forged or stale value). */
  set(name: string, value: string): void {
    this.#values.set(name, value);
  }

  get(name: string): string | undefined {
    return this.#values.get(name);
  }

  /** The `Cookie` request header, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.#values.size === 0) return undefined;
    return stringifyCookie(Object.fromEntries(this.#values), { encode: raw });
  }
}
