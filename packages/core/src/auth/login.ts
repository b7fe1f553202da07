import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import type { LoginResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { AttemptTicket } from "../rate-limit/attempt-gate.js";
import { perIpKeys } from "../rate-limit/per-ip-keys.js";
import { verifySecondFactor } from "../totp/verify-second-factor.js";
import {
  bodyObject,
  loginEmailField,
  passwordField,
  requiredString,
} from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { loginScope } from "./login-trust.js";
import { recordUserEvent } from "./record-user-event.js";
import { signIn } from "./sign-in.js";

export const loginSchema = bodyObject({
  email: loginEmailField,
  password: passwordField,
  code: v.optional(
    v.pipe(requiredString(), v.maxLength(64, "Ensure this field has no more than 64 characters.")),
  ),
});

/**
 * Checks email and password (unknown emails cost one dummy hash, so timing tells nothing),
 * then the 2FA code when TOTP is on, then starts a new session.
 *
 * Throttling (docs/security.md): only wrong passwords count, per client IP (`login` rule) and
 * per account scope (see `loginScope`: the account's ceiling for untrusted clients, or the
 * trusted client's own count). The address is admitted first, so a blocked address touches
 * no account's count. Attempts being judged take a turn on each count, so a parallel burst
 * gets no more guesses judged than the rule allows, while parallel correct logins wait their
 * turn and all succeed.
 */
export async function login(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<LoginResult> {
  const fields = parseInput(loginSchema, input);
  const ipKeys = perIpKeys(ctx, "login", client.ip);
  const address = await ctx.limiter.admit("login", ipKeys);
  let account: AttemptTicket;
  try {
    const scope = await loginScope(ctx, fields.email, client);
    account = await ctx.limiter.admit(scope.limit, [scope.key]);
  } catch (error) {
    await address.abandoned().catch(() => {});
    throw error;
  }

  const user = await ctx.storage.getUserByEmail(fields.email).catch(async (error: unknown) => {
    // The storage failed before the password was judged: the attempt costs nothing.
    await Promise.allSettled([address.abandoned(), account.abandoned()]);
    throw error;
  });
  // Every refusal after the lookup is a security event, the unknown email's too (so both
  // paths write the same, and an operator sees guessing against addresses that do not exist).
  const refuse = async (error: AxorError): Promise<never> => {
    await recordUserEvent(ctx, user?.id ?? null, "login_failed", client);
    throw error;
  };
  const wrongPassword = async (): Promise<never> => {
    await Promise.all([address.failed(), account.failed()]);
    return refuse(new AxorError("InvalidCredentials"));
  };
  if (!user) {
    await ctx.hasher.verifyDummy(fields.password);
    return wrongPassword();
  }
  if (!(await ctx.hasher.verify(user.passwordHash, fields.password))) return wrongPassword();
  // The password was right: whatever follows, this attempt is no failure. The scope's count
  // of failures is forgotten; the address's stays (it counts guesses at every account).
  await Promise.all([address.succeeded(false), account.succeeded()]).catch((error: unknown) =>
    ctx.reportError(error, "clearing the login counts after a success"),
  );
  if (!user.isActive) return refuse(new AxorError("AccountDisabled"));
  if (user.totpEnabled) {
    await verifySecondFactor(ctx, user, fields.code, client).catch((error: unknown) =>
      error instanceof AxorError ? refuse(error) : Promise.reject(error),
    );
  }

  if (ctx.hasher.needsRehash(user.passwordHash)) {
    const passwordHash = await ctx.hasher.hash(fields.password);
    await ctx.storage.updateUser(user.id, { passwordHash, updatedAt: ctx.now() });
  }
  return signIn(ctx, user, client, "login");
}
