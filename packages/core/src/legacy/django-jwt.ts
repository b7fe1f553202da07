import { createHmac, timingSafeEqual } from "node:crypto";
import * as v from "valibot";

/** The claim that carries the key: a web session's cookie, or an app's Bearer value. */
export type DjangoAxorClaim = "session_key" | "app_token";

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** What a raw Django Axor key looks like (`secrets.token_urlsafe(64)`); Axor's own check too. */
const RAW_KEY = /^[A-Za-z0-9_-]{16,128}$/;
const SHA256_BYTES = 32;

/** The JOSE header: HS256 only (`alg: none` and every other algorithm are refused). */
const headerSchema = v.object({ alg: v.literal("HS256"), typ: v.optional(v.literal("JWT")) });

/** The claims Django Axor writes, and an `exp` that PyJWT would have enforced if present. */
const payloadSchema = v.object({
  session_key: v.optional(v.string()),
  app_token: v.optional(v.string()),
  exp: v.optional(v.number()),
});

function decodeJson(segment: string): unknown {
  if (!BASE64URL.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** The bytes of an unpadded base64url segment, or null when it is not one (strictly). */
function strictBase64url(segment: string): Buffer | null {
  if (!BASE64URL.test(segment)) return null;
  const bytes = Buffer.from(segment, "base64url");
  return bytes.toString("base64url") === segment ? bytes : null;
}

/**
 * The raw key inside a Django Axor JWT: `token` must be a compact HS256 JWT signed with
 * `secretKey` (compared in constant time), carrying `claim` as the base64url (unpadded) of
 * the raw key, which must look like one. Anything else, an expired `exp` included, is null.
 *
 * @example
 * ```ts
 * declare const jwt: string; // axor_auth cookie: a JWT of {"session_key": "<base64url of raw key>"}
 * const rawKey = readDjangoAxorJwt(jwt, process.env.DJANGO_SECRET_KEY!, "session_key", new Date());
 * ```
 */
export function readDjangoAxorJwt(
  token: string,
  secretKey: string,
  claim: DjangoAxorClaim,
  now: Date,
): string | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const given = strictBase64url(signature);
  if (!given || given.length !== SHA256_BYTES) return null;
  if (!v.is(headerSchema, decodeJson(header))) return null;
  const expected = createHmac("sha256", secretKey).update(`${header}.${payload}`).digest();
  if (!timingSafeEqual(given, expected)) return null;

  const claims = v.safeParse(payloadSchema, decodeJson(payload));
  if (!claims.success) return null;
  const { exp } = claims.output;
  if (exp !== undefined && exp * 1000 <= now.getTime()) return null;
  const wrapped = claims.output[claim];
  const raw = wrapped === undefined ? null : strictBase64url(wrapped);
  const key = raw?.toString("latin1") ?? "";
  return RAW_KEY.test(key) ? key : null;
}
