import { userAdmin } from "./admin/user-admin.js";
import { toUser } from "./api/api-object-mappers.js";
import type { AuthState } from "./api/api-objects.js";
import { closeOtherSessions, closeSession, listActiveSessions } from "./auth/active-sessions.js";
import { changeEmail } from "./auth/change-email.js";
import { changeNameOfClient } from "./auth/change-name.js";
import { changePassword } from "./auth/change-password.js";
import { login } from "./auth/login.js";
import { logout } from "./auth/logout.js";
import { consumeMagicLink, requestMagicLink } from "./auth/magic-link.js";
import { createPasswordHasher } from "./auth/password-hasher.js";
import {
  requestPasswordReset,
  resetPassword,
  validatePasswordResetToken,
} from "./auth/password-reset.js";
import { register } from "./auth/register.js";
import { acquireHashingThreads } from "./auth/shared-hashing-threads.js";
import { disableTotp, enableTotp, initTotp, renewBackupCodes } from "./auth/totp-setup.js";
import { resendVerificationEmail, verifyEmail } from "./auth/verify-email.js";
import type { Axor } from "./axor-api.js";
import type { AxorContext } from "./axor-context.js";
import { createSecretBox } from "./crypto/secret-box.js";
import { cleanup } from "./housekeeping/cleanup.js";
import { closeAxorOnce } from "./housekeeping/close-axor.js";
import { authorize } from "./http/authorize.js";
import { checkCsrf } from "./http/csrf-check.js";
import { errorResponse } from "./http/error-response.js";
import { createRequestHandler } from "./http/handle-request.js";
import type { AxorRequest } from "./http/neutral-http.js";
import { readClientInfo } from "./http/read-client-info.js";
import { routeTable } from "./http/route-table.js";
import { createTrustedProxies } from "./http/trusted-proxies.js";
import { consoleMailer } from "./mail/console-mailer.js";
import type { AxorOptions } from "./options/axor-options.js";
import { type ResolvedAxorOptions, resolveAxorOptions } from "./options/resolve-axor-options.js";
import { createRateLimiter } from "./rate-limit/rate-limiter.js";
import { createDeviceTokens } from "./sessions/device-token.js";
import { renewalCookies } from "./sessions/renewal-cookies.js";
import {
  type ResolvedSession,
  requireSession,
  resolveSession,
} from "./sessions/resolve-session.js";
import { SessionCache } from "./sessions/session-cache.js";
import { sessionCachingStorage } from "./sessions/session-caching-storage.js";
import { eventLogOf, rateLimitStoreOf } from "./storage/optional-stores.js";
import { securityEventRecorder } from "./storage/security-event-recorder.js";
import type { StorageAdapter } from "./storage/storage-adapter.js";
import { createBackupCodes } from "./totp/backup-code.js";
import { profileSchemas } from "./user-fields/profile-schemas.js";
import type { UserFieldDeclarations } from "./user-fields/user-field-declaration.js";
import { userFieldSet } from "./user-fields/user-field-set.js";

type Reporter = (error: unknown, during: string) => void;

const consoleReporter: Reporter = (error, during) =>
  console.error(`[axor] error while ${during}:`, error);

/** `report` made unable to throw into the request that reports. */
function safeReporter(report: Reporter): Reporter {
  return (error, during) => {
    try {
      report(error, during);
    } catch (reporterError) {
      console.error("[axor] onError threw while reporting:", reporterError, "original:", error);
    }
  };
}

/** The storage flows use: the given one, behind the session cache when it is on. */
function flowStorage(resolved: ResolvedAxorOptions, cache: SessionCache | null): StorageAdapter {
  return cache ? sessionCachingStorage(resolved.storage, cache) : resolved.storage;
}

function sessionCacheOf({ sessionCache }: ResolvedAxorOptions): SessionCache | null {
  if (!sessionCache) return null;
  return new SessionCache(sessionCache.ttlSeconds * 1000, sessionCache.maxEntries);
}

function authState(ctx: AxorContext, resolved: ResolvedSession): AuthState {
  const { session, user } = resolved;
  return {
    user: toUser(user, ctx.userFields),
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
export function createAxor<const TFields extends UserFieldDeclarations = {}>(
  options: AxorOptions<TFields>,
): Axor<TFields> {
  const resolved = resolveAxorOptions(options as AxorOptions);
  const now = resolved.now ?? (() => new Date());
  const reportError = safeReporter(resolved.onError ?? consoleReporter);
  const sessionCache = sessionCacheOf(resolved);
  const userFields = userFieldSet(resolved.userFields);
  const hashingThreads = acquireHashingThreads(resolved.passwordHashing);
  const ctx: AxorContext = {
    options: resolved,
    storage: flowStorage(resolved, sessionCache),
    hasher: createPasswordHasher(resolved.argon2, hashingThreads),
    secretBox: createSecretBox(resolved.secret, resolved.previousSecrets),
    backupCodes: createBackupCodes(resolved.secret),
    deviceTokens: createDeviceTokens(resolved.secret, resolved.previousSecrets),
    mailer: resolved.mailer ?? consoleMailer(),
    limiter: createRateLimiter(rateLimitStoreOf(resolved), resolved.rateLimits, now),
    recordEvent: securityEventRecorder(eventLogOf(resolved), resolved.onEvent, reportError),
    userFields,
    profile: profileSchemas(userFields, resolved.names),
    now,
    reportError,
  };
  const proxies = createTrustedProxies(resolved.trustedProxies);
  const trustedOrigins = new Set([...resolved.trustedOrigins, resolved.baseUrl]);
  // `onError` wins; else a request's own logger (an adapter's, e.g. Fastify's request.log).
  const forRequest = (request: AxorRequest): AxorContext =>
    request.log && !resolved.onError ? { ...ctx, reportError: safeReporter(request.log) } : ctx;
  const handle = createRequestHandler(forRequest, { routes: routeTable, proxies, trustedOrigins });

  const axor: Axor = {
    options: resolved,
    users: userAdmin(ctx),
    cleanup: (cleanupOptions) => cleanup(ctx, cleanupOptions),
    close: closeAxorOnce(resolved.storage, hashingThreads),
    handle,
    errorResponse: (error, instance, request) =>
      errorResponse(request ? forRequest(request) : ctx, error, instance, `serving ${instance}`),
    checkOrigin: (request) =>
      checkCsrf(request, readClientInfo(request, resolved, proxies), trustedOrigins),
    clientInfo: (request) => readClientInfo(request, resolved, proxies),
    async authenticate(request) {
      const client = readClientInfo(request, resolved, proxies);
      const found = await resolveSession(ctx, client.credential);
      if (!found) return { auth: null, setCookies: [] };
      return { auth: authState(ctx, found), setCookies: renewalCookies(ctx, found, client) };
    },
    authorize: (request, requirement = "any", known) =>
      authorize(axor, request, requirement, known),
    register: (input, client) => register(ctx, input, client),
    login: (input, client) => login(ctx, input, client),
    logout: (client) => logout(ctx, client),
    requestMagicLink: (input, client) => requestMagicLink(ctx, input, client),
    consumeMagicLink: (input, client) => consumeMagicLink(ctx, input, client),
    changeName: (input, client) => changeNameOfClient(ctx, input, client),
    listSessions: async (client) => listActiveSessions(ctx, await requireSession(ctx, client)),
    closeSession: async (input, client) =>
      closeSession(ctx, await requireSession(ctx, client), input, client),
    closeOtherSessions: async (client) =>
      closeOtherSessions(ctx, await requireSession(ctx, client), client),
    async currentUser(client) {
      const found = await resolveSession(ctx, client.credential);
      return found ? toUser(found.user, ctx.userFields) : null;
    },
    forgetCachedSessions: (userId) => sessionCache?.forgetUser(userId),
    requestPasswordReset: (input, client) => requestPasswordReset(ctx, input, client),
    validatePasswordResetToken: (input) => validatePasswordResetToken(ctx, input),
    resetPassword: (input, client) => resetPassword(ctx, input, client),
    changePassword: async (input, client) =>
      changePassword(ctx, input, await requireSession(ctx, client), client),
    verifyEmail: (input, client) => verifyEmail(ctx, input, client),
    resendVerificationEmail: async (client) =>
      resendVerificationEmail(ctx, (await requireSession(ctx, client)).user, client),
    changeEmail: async (input, client) =>
      toUser(
        await changeEmail(ctx, input, (await requireSession(ctx, client)).user, client),
        ctx.userFields,
      ),
    initTotp: async (client) => initTotp(ctx, (await requireSession(ctx, client)).user),
    enableTotp: async (input, client) =>
      enableTotp(ctx, (await requireSession(ctx, client)).user, input, client),
    disableTotp: async (input, client) =>
      disableTotp(ctx, (await requireSession(ctx, client)).user, input, client),
    newBackupCodes: async (input, client) =>
      renewBackupCodes(ctx, (await requireSession(ctx, client)).user, input, client),
  };
  // One implementation serves every declaration: the fields' types exist only for the caller.
  return axor as unknown as Axor<TFields>;
}
