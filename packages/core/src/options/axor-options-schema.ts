import { stringifySetCookie } from "cookie";
import * as v from "valibot";
import { defaultHashingThreads } from "../auth/hashing-threads.js";
import type { EmailTemplate } from "../mail/email-templates.js";
import type { Mailer } from "../mail/mailer.js";
import type { SecurityEvent } from "../storage/records.js";
import type { EventLog, RateLimitStore, StorageAdapter } from "../storage/storage-adapter.js";
import {
  namesOptionSchema,
  userFieldsOptionSchema,
} from "../user-fields/user-fields-option-schema.js";
import type { AxorOptions } from "./axor-options.js";

const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));
const DAY = 24 * 3600;
/** A whole number of seconds from 1 to `maxSeconds` (`label` names the bound). */
const seconds = (maxSeconds: number, label: string) =>
  v.pipe(positiveInt, v.maxValue(maxSeconds, `must be at most ${maxSeconds} (${label})`));

const rateLimitRule = v.object({
  max: v.pipe(positiveInt, v.maxValue(1_000_000)),
  windowSeconds: seconds(7 * DAY, "7 days"),
});
const rule = (max: number, windowSeconds: number) =>
  v.optional(v.union([v.literal(false), rateLimitRule]), { max, windowSeconds });

const hasMethods =
  <T>(...names: string[]) =>
  (value: unknown): value is T =>
    typeof value === "object" &&
    value !== null &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === "function");

const isFunction = (value: unknown) => typeof value === "function";

const template = v.custom<EmailTemplate>(isFunction, "must be a function returning an email");
const linkPath = v.pipe(v.string(), v.startsWith("/", "must be a path starting with /"));

/**
 * A cookie Domain attribute the `cookie` library accepts (it would otherwise throw on every
 * login): a host name, no scheme, port or path.
 */
const cookieDomain = v.pipe(
  v.string(),
  v.check((domain) => {
    try {
      stringifySetCookie("probe", "", { domain });
      return !/[/:]/.test(domain) && domain.trim() !== "";
    } catch {
      return false;
    }
  }, "must be a host name such as example.com (no scheme, port or path)"),
);

const absoluteOrigin = v.pipe(
  v.string(),
  v.url("must be an absolute URL such as https://example.com"),
  v.check((url) => /^https?:\/\//.test(url), "must start with http:// or https://"),
  v.transform((url) => new URL(url).origin),
);

/** The rules and defaults of `AxorOptions` (documented there, field by field). */
export const axorOptionsSchema = v.object(
  {
    storage: v.custom<StorageAdapter>(
      hasMethods("createUser", "getLiveSession", "createOneTimeToken", "getTotp"),
      "must be a StorageAdapter",
    ),
    secret: v.pipe(v.string("must be a string"), v.minLength(32, "must be at least 32 characters")),
    previousSecrets: v.optional(
      v.array(v.pipe(v.string(), v.minLength(32, "must be at least 32 characters"))),
      [],
    ),
    appName: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty("must not be blank"), v.maxLength(100)),
      "Axor",
    ),
    baseUrl: v.optional(absoluteOrigin, "http://127.0.0.1:3000"),
    pagesPath: v.optional(v.pipe(v.string(), v.startsWith("/")), "/auth"),
    allowRegistration: v.optional(v.boolean(), true),
    // Browsers cap a cookie's lifetime at 400 days; an app token at 10 years is a policy bound.
    webSessionLifetimeSeconds: v.optional(seconds(400 * DAY, "400 days"), 30 * DAY),
    appTokenLifetimeSeconds: v.optional(seconds(3650 * DAY, "10 years"), 90 * DAY),
    absoluteSessionLifetimeSeconds: v.optional(seconds(3650 * DAY, "10 years")),
    cookie: v.optional(
      v.object({
        name: v.optional(
          v.pipe(v.string(), v.regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/)),
          "axor_session",
        ),
        secure: v.optional(v.union([v.boolean(), v.literal("auto")]), "auto"),
        sameSite: v.optional(v.picklist(["lax", "strict", "none"]), "lax"),
        domain: v.optional(cookieDomain),
      }),
      {},
    ),
    trustedOrigins: v.optional(v.array(absoluteOrigin), []),
    trustedProxies: v.optional(v.array(v.string()), []),
    password: v.optional(
      v.pipe(
        v.object({
          minLength: v.optional(v.pipe(positiveInt, v.maxValue(4096)), 8),
          maxLength: v.optional(v.pipe(positiveInt, v.maxValue(4096)), 256),
        }),
        v.forward(
          v.check(
            (password) => password.minLength <= password.maxLength,
            "must not be below minLength",
          ),
          ["maxLength"],
        ),
      ),
      {},
    ),
    rateLimits: v.optional(
      v.union([
        v.literal(false),
        v.object({
          login: rule(10, 900),
          loginAccount: rule(20, 900),
          register: rule(10, 3600),
          totp: rule(5, 900),
          email: rule(5, 3600),
        }),
      ]),
      {},
    ),
    tokenLifetimes: v.optional(
      v.object({
        verifyEmailSeconds: v.optional(seconds(30 * DAY, "30 days"), DAY),
        resetPasswordSeconds: v.optional(seconds(DAY, "1 day"), 3600),
        magicLinkSeconds: v.optional(seconds(DAY, "1 day"), 15 * 60),
      }),
      {},
    ),
    linkPaths: v.optional(
      v.object({
        verifyEmail: v.optional(linkPath),
        resetPassword: v.optional(linkPath),
        magicLink: v.optional(linkPath),
      }),
      {},
    ),
    emailTemplates: v.optional(
      v.object({
        verifyEmail: v.optional(template),
        resetPassword: v.optional(template),
        passwordChanged: v.optional(template),
        magicLink: v.optional(template),
        emailChanged: v.optional(template),
      }),
      {},
    ),
    verifyEmailOnRegister: v.optional(v.boolean(), true),
    emailCooldownSeconds: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(0),
        v.maxValue(DAY, "must be at most 86400 (1 day)"),
      ),
      60,
    ),
    rateLimitStore: v.optional(
      v.custom<RateLimitStore>(
        hasMethods("incrementCounter", "getCounter", "decrementCounter", "resetCounter"),
        "must be a RateLimitStore",
      ),
    ),
    eventLog: v.optional(
      v.custom<EventLog>(hasMethods("recordSecurityEvent"), "must be an EventLog"),
    ),
    onEvent: v.optional(v.custom<(event: SecurityEvent) => void>(isFunction, "must be a function")),
    mailer: v.optional(v.custom<Mailer>(hasMethods("send"), "must have a send(message) method")),
    argon2: v.optional(
      v.object({
        memoryCost: v.optional(v.pipe(positiveInt, v.minValue(1024)), 19456),
        timeCost: v.optional(positiveInt, 2),
        parallelism: v.optional(positiveInt, 1),
      }),
      {},
    ),
    passwordHashing: v.optional(
      v.object({
        threads: v.optional(
          v.pipe(positiveInt, v.maxValue(64, "must be at most 64")),
          defaultHashingThreads,
        ),
        lowPriority: v.optional(v.boolean(), true),
      }),
      {},
    ),
    legacy: v.optional(
      v.object({
        djangoAxor: v.optional(
          v.object({
            secretKey: v.pipe(v.string("must be a string"), v.nonEmpty("must not be empty")),
            cookieName: v.optional(
              v.pipe(v.string(), v.regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/)),
              "axor_auth",
            ),
            cookieDomain: v.optional(v.string()),
          }),
        ),
      }),
      {},
    ),
    onError: v.optional(
      v.custom<(error: unknown, during: string) => void>(isFunction, "must be a function"),
    ),
    sessionCache: v.optional(
      v.union([
        v.literal(false),
        v.object({
          ttlSeconds: v.pipe(positiveInt, v.maxValue(300, "must be at most 300 (seconds)")),
          maxEntries: v.optional(v.pipe(positiveInt, v.maxValue(1_000_000)), 10_000),
        }),
      ]),
      false,
    ),
    now: v.optional(v.custom<() => Date>(isFunction, "must be a function")),
    userFields: userFieldsOptionSchema,
    names: namesOptionSchema,
  },
  (issue) => (issue.input === undefined ? "is required" : "must be an object"),
);

/** True when `A` and `B` are the same type (TypeScript's own identity check, keys and all). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Fails to compile when the schema and the hand-written `AxorOptions` drift apart. */
const schemaMatchesAxorOptions: Same<v.InferInput<typeof axorOptionsSchema>, AxorOptions> = true;
void schemaMatchesAxorOptions;
