import * as v from "valibot";
import type { Mailer } from "../mail/mailer.js";
import type { StorageAdapter } from "../storage/storage-adapter.js";

const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));

const rateLimitRule = v.object({
  /** Attempts allowed in one window. */
  max: positiveInt,
  /** Window length in seconds. */
  windowSeconds: positiveInt,
});

/**
 * A limit: attempts per window, or false to switch it off.
 *
 * @example
 * ```ts
 * const strict: RateLimitRule = { max: 5, windowSeconds: 60 };
 * createAxor({ storage, secret, rateLimits: { login: strict, register: false } });
 * ```
 */
export type RateLimitRule = v.InferOutput<typeof rateLimitRule>;

const isStorage = (value: unknown): value is StorageAdapter =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as StorageAdapter).getLiveSession === "function" &&
  typeof (value as StorageAdapter).createUser === "function";

const isMailer = (value: unknown): value is Mailer =>
  typeof value === "object" && value !== null && typeof (value as Mailer).send === "function";

const absoluteOrigin = v.pipe(
  v.string(),
  v.url("must be an absolute URL such as https://example.com"),
  v.check((url) => /^https?:\/\//.test(url), "must start with http:// or https://"),
  v.transform((url) => new URL(url).origin),
);

/**
 * The valibot schema of `createAxor`'s options: every option, its default and its rule.
 *
 * @example
 * ```ts
 * const options = v.parse(axorOptionsSchema, { storage, secret }); // defaults filled in
 * ```
 */
export const axorOptionsSchema = v.object(
  {
    /** Where users, sessions and tokens live. Required. */
    storage: v.custom<StorageAdapter>(isStorage, "must be a StorageAdapter"),
    /** At least 32 characters of secret; derives the key that encrypts TOTP secrets at rest. */
    secret: v.pipe(v.string("must be a string"), v.minLength(32, "must be at least 32 characters")),
    /** The absolute origin used in email links, e.g. "https://example.com". */
    baseUrl: v.optional(absoluteOrigin, "http://127.0.0.1:3000"),
    /** Where the built-in pages are mounted, for links in emails. */
    pagesPath: v.optional(v.pipe(v.string(), v.startsWith("/")), "/auth"),
    /** False: `register/` answers 403 `RegistrationDisabled`. */
    allowRegistration: v.optional(v.boolean(), true),
    /** Lifetime of a web session, in seconds (default 30 days). */
    webSessionLifetime: v.optional(positiveInt, 30 * 24 * 3600),
    /** Lifetime of an app token, in seconds (default 90 days). */
    appTokenLifetime: v.optional(positiveInt, 90 * 24 * 3600),
    cookie: v.optional(
      v.object({
        /** Cookie name. */
        name: v.optional(
          v.pipe(v.string(), v.regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/)),
          "axor_session",
        ),
        /** true: always Secure; false: never; "auto": when the request came over https. */
        secure: v.optional(v.union([v.boolean(), v.literal("auto")]), "auto"),
        /** SameSite attribute. */
        sameSite: v.optional(v.picklist(["lax", "strict", "none"]), "lax"),
        /** Domain attribute; unset: host-only. */
        domain: v.optional(v.string()),
      }),
      {},
    ),
    /** Origins (scheme://host[:port]) trusted for cookie-authenticated state changes. */
    trustedOrigins: v.optional(v.array(absoluteOrigin), []),
    /** Proxy addresses or CIDR ranges whose `X-Forwarded-For`/`-Proto` are believed. */
    trustedProxies: v.optional(v.array(v.string()), []),
    password: v.optional(
      v.object({
        minLength: v.optional(positiveInt, 8),
        maxLength: v.optional(v.pipe(positiveInt, v.maxValue(4096)), 256),
      }),
      {},
    ),
    /** Rate limits per client IP and per account; `false` switches one (or all) off. */
    rateLimits: v.optional(
      v.union([
        v.literal(false),
        v.object({
          login: v.optional(v.union([v.literal(false), rateLimitRule]), {
            max: 10,
            windowSeconds: 900,
          }),
          register: v.optional(v.union([v.literal(false), rateLimitRule]), {
            max: 10,
            windowSeconds: 3600,
          }),
          email: v.optional(v.union([v.literal(false), rateLimitRule]), {
            max: 5,
            windowSeconds: 3600,
          }),
          totp: v.optional(v.union([v.literal(false), rateLimitRule]), {
            max: 5,
            windowSeconds: 900,
          }),
        }),
      ]),
      {},
    ),
    /** Sends emails; default: print them to the console. */
    mailer: v.optional(v.custom<Mailer>(isMailer, "must have a send(message) method")),
    /** argon2id cost; defaults are the OWASP minimum. Raising them rehashes on next login. */
    argon2: v.optional(
      v.object({
        memoryCost: v.optional(v.pipe(positiveInt, v.minValue(1024)), 19456),
        timeCost: v.optional(positiveInt, 2),
        parallelism: v.optional(positiveInt, 1),
      }),
      {},
    ),
    /** Called with errors that do not fail a request (a mail outage) and with 500s. */
    onError: v.optional(
      v.custom<(error: unknown, during: string) => void>(
        (fn) => typeof fn === "function",
        "must be a function",
      ),
    ),
    /** The clock; tests pass a fake one. */
    now: v.optional(v.custom<() => Date>((fn) => typeof fn === "function", "must be a function")),
  },
  (issue) => (issue.input === undefined ? "is required" : "must be an object"),
);

/**
 * The options `createAxor` takes.
 *
 * @example
 * ```ts
 * const options: AxorOptions = {
 *   storage: kyselyStorage(db),
 *   secret: process.env.AXOR_SECRET!, // at least 32 characters
 *   baseUrl: "https://example.com", // the origin used in email links
 *   trustedProxies: ["10.0.0.0/8"], // believe X-Forwarded-For from the load balancer
 *   mailer: smtpMailer(process.env.AXOR_SMTP_URL!, "no-reply@example.com"),
 * };
 * const axor = createAxor(options);
 * ```
 */
export type AxorOptions = v.InferInput<typeof axorOptionsSchema>;
/**
 * The options after validation, every default filled in.
 *
 * @example
 * ```ts
 * const resolved: ResolvedAxorOptions = axor.options;
 * resolved.webSessionLifetime; // 2592000 (30 days) unless you set it
 * resolved.cookie.name; // "axor_session"
 * ```
 */
export type ResolvedAxorOptions = v.InferOutput<typeof axorOptionsSchema>;

/**
 * Validates options once, at startup. A wrong option throws naming it.
 *
 * @example
 * ```ts
 * resolveAxorOptions({ storage, secret: "short" });
 * // Error: Invalid Axor option "secret": must be at least 32 characters
 * ```
 */
export function resolveAxorOptions(options: AxorOptions): ResolvedAxorOptions {
  const result = v.safeParse(axorOptionsSchema, options);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? "(options)";
  throw new TypeError(`Invalid Axor option "${path}": ${issue.message}`);
}
