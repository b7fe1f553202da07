import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import type { LoginResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { verifySecondFactor } from "../totp/verify-second-factor.js";
import {
  bodyObject,
  loginEmailField,
  passwordField,
  requiredString,
} from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { signIn } from "./login-response.js";

const loginSchema = bodyObject({
  email: loginEmailField,
  password: passwordField,
  code: v.optional(
    v.pipe(requiredString(), v.maxLength(64, "Ensure this field has no more than 64 characters.")),
  ),
});

/**
 * Checks email and password (unknown emails cost one dummy hash, so timing tells nothing),
 * then the 2FA code when TOTP is on, then starts a new session. Every attempt counts toward
 * the login limit of the client IP and of the account; a success clears both.
 */
export async function login(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<LoginResult> {
  const fields = parseInput(loginSchema, input);
  const limitKeys = [`login:ip:${client.ip}`, `login:account:${fields.email}`];
  await ctx.limiter.hit("login", limitKeys);

  const user = await ctx.storage.getUserByEmail(fields.email);
  if (!user) {
    await ctx.hasher.verifyDummy(fields.password);
    throw new AxorError("InvalidCredentials");
  }
  if (!(await ctx.hasher.verify(user.passwordHash, fields.password))) {
    throw new AxorError("InvalidCredentials");
  }
  if (!user.isActive) throw new AxorError("AccountDisabled");
  if (user.totpEnabled) await verifySecondFactor(ctx, user, fields.code);
  await ctx.limiter.reset(limitKeys);

  if (ctx.hasher.needsRehash(user.passwordHash)) {
    const passwordHash = await ctx.hasher.hash(fields.password);
    await ctx.storage.updateUser(user.id, { passwordHash, updatedAt: ctx.now() });
  }
  return signIn(ctx, user, client, "login");
}
