import { randomUUID } from "node:crypto";
import type { ClientInfo } from "../api/client-info.js";
import type { LoginResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { sendVerificationEmail } from "../mail/verification-email.js";
import { perIpKeys } from "../rate-limit/per-ip-keys.js";
import { EmailTakenError } from "../storage/email-taken-error.js";
import type { UserRecord } from "../storage/records.js";
import { newUserFields } from "../user-fields/fields-patch.js";
import { bodyObject, emailField, nameField, passwordField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { checkPasswordPolicy } from "./password-policy.js";
import { signIn } from "./sign-in.js";

/** The body of `register/` without `userFields` and with required names (the contract's). */
export const registerSchema = bodyObject({
  email: emailField,
  password: passwordField,
  first_name: nameField,
  last_name: nameField,
});

/** Creates a user, signs them in and sends the verification email. */
export async function register(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<LoginResult> {
  if (!ctx.options.allowRegistration) throw new AxorError("RegistrationDisabled");
  const fields = parseInput(ctx.profile.register, input);
  checkPasswordPolicy(ctx.options.password, fields.password);
  await ctx.limiter.hit("register", perIpKeys(ctx, "register", client.ip));

  const now = ctx.now();
  let user: UserRecord;
  try {
    user = await ctx.storage.createUser({
      id: randomUUID(),
      email: fields.email,
      passwordHash: await ctx.hasher.hash(fields.password),
      firstName: fields.first_name,
      lastName: fields.last_name,
      timezone: "UTC",
      isActive: true,
      isEmailVerified: false,
      createdAt: now,
      updatedAt: now,
      ...newUserFields(ctx, fields),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) throw new AxorError("EmailInUse");
    throw error;
  }
  const result = await signIn(ctx, user, client, "register");
  if (ctx.options.verifyEmailOnRegister) await sendVerificationEmail(ctx, user);
  return result;
}
