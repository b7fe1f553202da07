import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import { awaitAll } from "../await-all.js";
import type { LoginResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { clientIpKey } from "../rate-limit/client-ip-key.js";
import { verifySecondFactor } from "../totp/verify-second-factor.js";
import {
  bodyObject,
  loginEmailField,
  passwordField,
  requiredString,
} from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
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
 * then the 2FA code when TOTP is on, then starts a new session. Every attempt is counted
 * before it is judged (so parallel bursts cannot slip past the limit), per client IP and per
 * account; a success clears the account's count and takes its own attempt back from the IP's,
 * so the IP count is one of failures that a success in between does not wipe.
 */
export async function login(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<LoginResult> {
  const fields = parseInput(loginSchema, input);
  const ipKey = `login:ip:${clientIpKey(client.ip)}`;
  const accountKey = `login:account:${fields.email}`;
  await ctx.limiter.hit("login", [ipKey, accountKey]);

  const user = await ctx.storage.getUserByEmail(fields.email).catch(async (error: unknown) => {
    // The storage failed before the password was judged: the attempt costs nothing.
    await ctx.limiter.refund("login", [ipKey, accountKey]).catch(() => {});
    throw error;
  });
  // Every refusal after the lookup is a security event, the unknown email's too (so both
  // paths write the same, and an operator sees guessing against addresses that do not exist).
  const refuse = async (error: AxorError): Promise<never> => {
    await recordUserEvent(ctx, user?.id ?? null, "login_failed", client);
    throw error;
  };
  if (!user) {
    await ctx.hasher.verifyDummy(fields.password);
    return refuse(new AxorError("InvalidCredentials"));
  }
  if (!(await ctx.hasher.verify(user.passwordHash, fields.password))) {
    return refuse(new AxorError("InvalidCredentials"));
  }
  if (!user.isActive) return refuse(new AxorError("AccountDisabled"));
  if (user.totpEnabled) {
    await verifySecondFactor(ctx, user, fields.code, client).catch((error: unknown) =>
      error instanceof AxorError ? refuse(error) : Promise.reject(error),
    );
  }
  // Bookkeeping of a success: if it fails, the counts stay higher (stricter), the login goes on.
  await awaitAll([ctx.limiter.reset([accountKey]), ctx.limiter.refund("login", [ipKey])]).catch(
    (error: unknown) => ctx.reportError(error, "clearing the login counts after a success"),
  );

  if (ctx.hasher.needsRehash(user.passwordHash)) {
    const passwordHash = await ctx.hasher.hash(fields.password);
    await ctx.storage.updateUser(user.id, { passwordHash, updatedAt: ctx.now() });
  }
  return signIn(ctx, user, client, "login");
}
