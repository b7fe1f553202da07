import * as v from "valibot";
import type { AxorOptions } from "./axor-options.js";
import { axorOptionsSchema } from "./axor-options-schema.js";

/**
 * The options after validation: every default filled in (`axor.options`).
 *
 * @example
 * ```ts
 * const resolved: ResolvedAxorOptions = axor.options;
 * resolved.webSessionLifetimeSeconds; // 2592000 (30 days) unless you set it
 * resolved.cookie.name; // "axor_session"
 * ```
 */
export type ResolvedAxorOptions = v.InferOutput<typeof axorOptionsSchema>;

/** Validates options once, at startup. A wrong option throws a `TypeError` naming it. */
export function resolveAxorOptions(options: AxorOptions): ResolvedAxorOptions {
  checkProductionOptions(options);
  const result = v.safeParse(axorOptionsSchema, options);
  if (result.success) return withSecureCookieForHttps(result.output);
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? "(options)";
  throw new TypeError(`Invalid Axor option "${path}": ${issue.message}`);
}

/**
 * In production, refuses the defaults that only suit development: the console mailer (it
 * prints every link, reset links included) and the loopback `baseUrl` every link would carry.
 */
function checkProductionOptions(options: AxorOptions): void {
  if (process.env.NODE_ENV !== "production" || typeof options !== "object" || options === null) {
    return;
  }
  if (options.mailer === undefined) {
    throw new TypeError(
      'Invalid Axor option "mailer": required when NODE_ENV=production (the default prints every email, links included, to the console); pass smtpMailer(...), or consoleMailer() to keep it',
    );
  }
  if (options.baseUrl === undefined) {
    throw new TypeError(
      'Invalid Axor option "baseUrl": required when NODE_ENV=production (email links would point at http://127.0.0.1:3000)',
    );
  }
}

/**
 * `cookie.secure: "auto"` with an https `baseUrl` means always Secure: the site is served over
 * TLS, even when a proxy in front of it is not listed in `trustedProxies` and the request
 * looks like plain http.
 */
function withSecureCookieForHttps(resolved: ResolvedAxorOptions): ResolvedAxorOptions {
  if (resolved.cookie.secure !== "auto" || !resolved.baseUrl.startsWith("https:")) return resolved;
  return { ...resolved, cookie: { ...resolved.cookie, secure: true } };
}
