import { parseCookie } from "cookie";
import type { Credential } from "../api/client-info.js";
import type { ResolvedAxorOptions } from "../options/resolve-axor-options.js";
import { readDjangoAxorJwt } from "./django-jwt.js";

type DjangoAxorOptions = NonNullable<ResolvedAxorOptions["legacy"]["djangoAxor"]>;

/** A compact JWT: three base64url segments. Native keys never contain a dot. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The native credential inside a Django Axor Bearer value `{"app_token": B}`, or the value as
 * it is (a native key, or junk that resolves to nobody) when it is no valid Django Axor JWT.
 * The raw key is the native key: the imported app token's hash is SHA-256 of it.
 */
export function djangoAxorBearer(django: DjangoAxorOptions, value: string): Credential {
  if (!JWT_SHAPE.test(value)) return { source: "bearer", key: value };
  const key = readDjangoAxorJwt(value, django.secretKey, "app_token", new Date());
  return key ? { source: "bearer", key, legacy: true } : { source: "bearer", key: value };
}

/**
 * The cookie credential when `legacy.djangoAxor` is on: the native cookie's key (`nativeKey`)
 * when it holds one, else the raw key inside Django Axor's cookie (`{"session_key": B}`,
 * marked `legacy` for the swap), else the native value as it is (junk resolves to nobody), or
 * null. When both cookies have the same name, the value is told apart by its JWT shape.
 */
export function djangoAxorCookie(
  django: DjangoAxorOptions,
  cookieHeader: string | undefined,
  nativeKey: string | null,
): Credential | null {
  const native: Credential | null = nativeKey ? { source: "cookie", key: nativeKey } : null;
  if (!cookieHeader || (nativeKey && !JWT_SHAPE.test(nativeKey))) return native;
  const jwt = parseCookie(cookieHeader)[django.cookieName];
  const key = jwt ? readDjangoAxorJwt(jwt, django.secretKey, "session_key", new Date()) : null;
  return key ? { source: "cookie", key, legacy: true } : native;
}
