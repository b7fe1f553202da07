import { toUser } from "./api/api-object-mappers.js";
import type { AuthState } from "./api/api-objects.js";
import { login } from "./auth/login.js";
import { logout } from "./auth/logout.js";
import { createPasswordHasher } from "./auth/password-hasher.js";
import { register } from "./auth/register.js";
import type { Axor } from "./axor-api.js";
import type { AxorContext } from "./axor-context.js";
import { createSecretBox } from "./crypto/secret-box.js";
import { readClientInfo } from "./http/client-info.js";
import { checkCsrf } from "./http/csrf-check.js";
import { errorResponse } from "./http/error-response.js";
import { createRequestHandler } from "./http/handle-request.js";
import { routeTable } from "./http/route-table.js";
import { createTrustedProxies } from "./http/trusted-proxies.js";
import { consoleMailer } from "./mail/console-mailer.js";
import { type AxorOptions, resolveAxorOptions } from "./options/axor-options.js";
import { createRateLimiter } from "./rate-limit/rate-limiter.js";
import { renewalCookies } from "./sessions/renewal-cookies.js";
import { type ResolvedSession, resolveSession } from "./sessions/resolve-session.js";

/** `onError` (default: console.error), made unable to throw into the request that reports. */
function safeReporter(onError: ((error: unknown, during: string) => void) | undefined) {
  const report =
    onError ??
    ((error: unknown, during: string) => console.error(`[axor] error while ${during}:`, error));
  return (error: unknown, during: string): void => {
    try {
      report(error, during);
    } catch (reporterError) {
      console.error("[axor] onError threw while reporting:", reporterError, "original:", error);
    }
  };
}

function authState(resolved: ResolvedSession): AuthState {
  const { session, user } = resolved;
  return {
    user: toUser(user),
    session: { id: session.id, kind: session.kind, expire_at: session.expireAt.toISOString() },
  };
}

/**
 * Creates the Axor instance: validates the options once (a wrong one throws naming it) and
 * returns the server-side API and the HTTP handler that adapters mount.
 *
 * @example
 * ```ts
 * import { createAxor, memoryStorage } from "@axor/core";
 *
 * const axor = createAxor({
 *   storage: memoryStorage(),
 *   secret: process.env.AXOR_SECRET!, // at least 32 characters
 *   baseUrl: "https://example.com",
 * });
 * ```
 */
export function createAxor(options: AxorOptions): Axor {
  const resolved = resolveAxorOptions(options);
  const now = resolved.now ?? (() => new Date());
  const ctx: AxorContext = {
    options: resolved,
    storage: resolved.storage,
    hasher: createPasswordHasher(resolved.argon2),
    secretBox: createSecretBox(resolved.secret),
    mailer: resolved.mailer ?? consoleMailer(),
    limiter: createRateLimiter(resolved.storage, resolved.rateLimits, now),
    now,
    reportError: safeReporter(resolved.onError),
  };
  const proxies = createTrustedProxies(resolved.trustedProxies);
  const trustedOrigins = new Set([...resolved.trustedOrigins, resolved.baseUrl]);
  const handle = createRequestHandler(ctx, { routes: routeTable, proxies, trustedOrigins });

  return {
    options: resolved,
    handle,
    errorResponse: (error, instance) => errorResponse(ctx, error, instance, `serving ${instance}`),
    checkOrigin: (request) =>
      checkCsrf(request, readClientInfo(request, resolved, proxies), trustedOrigins),
    clientInfo: (request) => readClientInfo(request, resolved, proxies),
    async authenticate(request) {
      const client = readClientInfo(request, resolved, proxies);
      const found = await resolveSession(ctx, client.credential);
      if (!found) return { auth: null, setCookies: [] };
      return { auth: authState(found), setCookies: renewalCookies(ctx, found, client) };
    },
    register: (input, client) => register(ctx, input, client),
    login: (input, client) => login(ctx, input, client),
    logout: (client) => logout(ctx, client),
    async currentUser(client) {
      const found = await resolveSession(ctx, client.credential);
      return found ? toUser(found.user) : null;
    },
  };
}
