import type { EmailTemplates } from "../mail/email-templates.js";
import type { Mailer } from "../mail/mailer.js";
import type { SecurityEvent } from "../storage/records.js";
import type { EventLog, RateLimitStore, StorageAdapter } from "../storage/storage-adapter.js";
import type { UserFieldDeclarations } from "../user-fields/user-field-declaration.js";

/**
 * A limit: attempts allowed per window, or false to switch it off.
 *
 * @example
 * ```ts
 * const strict: RateLimitRule = { max: 5, windowSeconds: 60 };
 * createAxor({ storage, secret, rateLimits: { login: strict, register: false } });
 * ```
 */
export interface RateLimitRule {
  /** Attempts allowed in one window. */
  max: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

/** Cookie settings of web sessions. */
export interface CookieOptions {
  /** Cookie name. Default `"axor_session"`. */
  name?: string;
  /**
   * true: always `Secure`; false: never; `"auto"` (default): when `baseUrl` is https, or the
   * request came over https.
   */
  secure?: boolean | "auto";
  /** `SameSite` attribute. Default `"lax"`. */
  sameSite?: "lax" | "strict" | "none";
  /** `Domain` attribute, a host name such as `example.com`; unset (default): host-only. */
  domain?: string;
}

/**
 * A migration window from Django Axor (django-axor-auth): while set, the core also accepts the
 * Django `axor_auth` cookie and `Authorization: Bearer` values (HS256 JWTs signed with Django's
 * `SECRET_KEY`) of sessions and app tokens brought over by `axor-kysely import-django-axor`, and
 * swaps the old cookie for a native one. See docs/django-axor.md.
 *
 * @example
 * ```ts
 * createAxor({
 *   storage,
 *   secret: process.env.AXOR_SECRET!,
 *   legacy: { djangoAxor: { secretKey: process.env.DJANGO_SECRET_KEY! } },
 * });
 * ```
 */
export interface DjangoAxorLegacyOptions {
  /** Django's `SECRET_KEY`: the HS256 key of the old cookie and Bearer JWTs. Required. */
  secretKey: string;
  /** The old cookie's name (Django Axor's `AUTH_COOKIE_NAME`). Default `"axor_auth"`. */
  cookieName?: string;
  /** The old cookie's Domain (Django Axor's `AUTH_COOKIE_DOMAIN`), to clear it. Default host-only. */
  cookieDomain?: string;
}

/** Older auth systems whose credentials are still accepted. Default: none. */
export interface LegacyOptions {
  /** Django Axor's cookie and Bearer JWTs. Default off. */
  djangoAxor?: DjangoAxorLegacyOptions;
}

/** The rate limits, per client IP and per account; `false` switches one off (docs/security.md). */
export interface RateLimitOptions {
  /**
   * Failed logins per client IP, and per trusted client of an account (a browser holding the
   * account's device cookie, an address the account signed in from before). Default 10 per
   * 900 s.
   */
  login?: RateLimitRule | false;
  /**
   * Failed logins per account from clients it does not trust yet: the ceiling for guessing
   * spread over many addresses (wrong old passwords at `change_password/` count here too).
   * Higher than `login`, so one address alone never reaches it. Default 20 per 900 s.
   */
  loginAccount?: RateLimitRule | false;
  /** Registrations per IP. Default 10 per 3600 s. */
  register?: RateLimitRule | false;
  /** Wrong 2FA codes per account; the last one locks 2FA for one window. Default 5 per 900 s. */
  totp?: RateLimitRule | false;
  /** Emails asked for, per address and per IP (every email-sending endpoint). Default 5 per 3600 s. */
  email?: RateLimitRule | false;
}

/**
 * The opt-in session cache (`sessionCache` option): each instance keeps the sessions it looked
 * up for a few seconds, so a hot session skips the database. See docs/options.md for what it
 * costs: a revocation made by another instance is seen only when the TTL ends.
 *
 * @example
 * ```ts
 * const sessionCache: SessionCacheOptions = { ttlSeconds: 5, maxEntries: 10_000 };
 * createAxor({ storage, secret, sessionCache });
 * ```
 */
export interface SessionCacheOptions {
  /** How long a looked-up session is served from memory, in seconds (1 to 300). */
  ttlSeconds: number;
  /** How many sessions are kept at most; the least recently used goes first. Default 10000. */
  maxEntries?: number;
}

/** How long each kind of one-time token works. */
export interface TokenLifetimeOptions {
  /** Email verification links. Default 86400 (24 hours). */
  verifyEmailSeconds?: number;
  /** Password reset links. Default 3600 (1 hour). */
  resetPasswordSeconds?: number;
  /** Magic sign-in links. Default 900 (15 minutes). */
  magicLinkSeconds?: number;
}

/**
 * Where the links in emails point, below `baseUrl` (a SPA's own routes; `?token=` is added).
 * Unset: the built-in pages under `pagesPath`.
 */
export interface LinkPathOptions {
  /** Default `{pagesPath}/verify-email/process/`. */
  verifyEmail?: string;
  /** Default `{pagesPath}/forgot-password/process/`. */
  resetPassword?: string;
  /** Default `{pagesPath}/magic-link/process/`. */
  magicLink?: string;
}

/**
 * The options of `createAxor`. Every duration is in seconds, and its name says so.
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
export interface AxorOptions<TFields extends UserFieldDeclarations = UserFieldDeclarations> {
  /** Where users, sessions, one-time tokens and 2FA state live. Required. */
  storage: StorageAdapter;
  /** At least 32 characters of secret; derives the keys of TOTP secrets and backup codes. Required. */
  secret: string;
  /**
   * Earlier values of `secret`, after a rotation: TOTP secrets sealed with them still open
   * (new ones use `secret`). Backup codes are hashed with `secret` only: issue new ones. Default none.
   */
  previousSecrets?: string[];
  /**
   * The app's name as authenticator apps show it: the issuer of `totp/init/`'s `provision`
   * URI. Default `"Axor"`.
   */
  appName?: string;
  /** The absolute origin used in email links. Default `"http://127.0.0.1:3000"`; required with `NODE_ENV=production`. */
  baseUrl?: string;
  /** Where the built-in pages are mounted, for links in emails. Default `"/auth"`. */
  pagesPath?: string;
  /** False: `register/` answers 403 `RegistrationDisabled`. Default true. */
  allowRegistration?: boolean;
  /** Lifetime of a web session; it slides when used in its last half. Default 30 days, at most 400. */
  webSessionLifetimeSeconds?: number;
  /** Lifetime of an app token; it slides the same way. Default 90 days, at most 10 years. */
  appTokenLifetimeSeconds?: number;
  /**
   * Off by default. When set, a session or app token ends this long after it was created
   * (at login), however often it slides: its expiry never passes `createdAt` + this.
   */
  absoluteSessionLifetimeSeconds?: number;
  /** The session cookie. */
  cookie?: CookieOptions;
  /** Origins (scheme://host[:port]) trusted for cookie-authenticated state changes. Default none. */
  trustedOrigins?: string[];
  /** Proxy addresses or CIDR ranges whose `X-Forwarded-For`/`-Proto` are believed. Default none. */
  trustedProxies?: string[];
  /** Password length rules, in characters. Default 8 to 256; at most 4096; min <= max. */
  password?: { minLength?: number; maxLength?: number };
  /** How long one-time tokens work. */
  tokenLifetimes?: TokenLifetimeOptions;
  /** Where the links in emails point. */
  linkPaths?: LinkPathOptions;
  /** Replaces any of the emails Axor sends (see `EmailTemplates`). */
  emailTemplates?: Partial<EmailTemplates>;
  /** False: `register/` sends no verification email (an app that verifies otherwise). Default true. */
  verifyEmailOnRegister?: boolean;
  /** After a verification link is sent, how long `verify_email/resend/` answers 429. Default 60, at most 86400. */
  emailCooldownSeconds?: number;
  /** The rate limits, or `false` to switch them all off. */
  rateLimits?: RateLimitOptions | false;
  /**
   * Where the rate-limit counters live. Default: the storage's own when it has them (the kysely
   * and memory storages do), else `memoryRateLimitStore()` (one process only).
   */
  rateLimitStore?: RateLimitStore;
  /** Where security events are written. Default: the storage's own when it has one, else none. */
  eventLog?: EventLog;
  /** Called with every security event (login, logout, register, ...), besides the event log. */
  onEvent?: (event: SecurityEvent) => void;
  /**
   * Sends emails. Default: print them to the console, which shows every link: with
   * `NODE_ENV=production` a mailer must be given (`consoleMailer()` explicitly to keep it).
   */
  mailer?: Mailer;
  /** argon2id cost; defaults are the OWASP minimum. Raising them rehashes on the next login. */
  argon2?: {
    /** Memory in KiB. Default 19456. */
    memoryCost?: number;
    /** Passes. Default 2. */
    timeCost?: number;
    /** Lanes. Default 1. */
    parallelism?: number;
  };
  /**
   * Where argon2id runs: on dedicated threads, off the event loop and off libuv's pool (which
   * file and DNS work share). On Linux they run at the lowest CPU priority, so requests are
   * served first when a burst of logins fills the cores (docs/security.md, hashing).
   */
  passwordHashing?: {
    /** Hashes run at once, each on its own thread. Default: the number of cores. */
    threads?: number;
    /** Linux: the hashing threads run at nice 19, below the event loop. Default `true`. */
    lowPriority?: boolean;
  };
  /** Credentials of an older auth system accepted during a migration window. Default none. */
  legacy?: LegacyOptions;
  /** Called with errors that do not fail a request (a mail outage), with 500s and with 503s. */
  onError?: (error: unknown, during: string) => void;
  /**
   * Serve recently looked-up sessions from memory for `ttlSeconds`; default `false` (every
   * request reads the database). Revocations through this instance apply at once; elsewhere
   * (another process, the database itself) within `ttlSeconds`.
   */
  sessionCache?: SessionCacheOptions | false;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
  /**
   * Additional user fields: snake_case name -> `{ schema, default, register?, profile? }`.
   * Validated with their valibot schema, stored in the user's JSON `fields`, returned on every
   * `User` as extra top-level keys, and typed from the schemas (see docs/user-fields.md).
   * Default none.
   */
  userFields?: TFields;
  /**
   * `"required"` (default, as the contract says): register/ and change_name/ need a first and
   * a last name of 1..150 characters. `"optional"`: they may be omitted or empty (stored as "";
   * change_name/ leaves a name it is not sent as it is).
   */
  names?: "required" | "optional";
}
