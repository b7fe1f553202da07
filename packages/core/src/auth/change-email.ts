import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { composeEmail } from "../mail/compose-email.js";
import { sendEmail } from "../mail/send-email.js";
import { sendVerificationEmail } from "../mail/verification-email.js";
import { EmailTakenError } from "../storage/email-taken-error.js";
import type { UserRecord } from "../storage/records.js";
import { bodyObject, emailField, passwordField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { recordUserEvent } from "./record-user-event.js";
import { hitEmailLimit } from "./verify-email.js";

export const changeEmailSchema = bodyObject({ email: emailField, password: passwordField });

const WRONG_PASSWORD = "The password is incorrect.";

/**
 * `change_email/` for `user`: the address must be valid (400 `ValidationError`) and new (400
 * `SameEmail`); the attempt counts on the `email` limit (per new address and client IP) before
 * the password is judged (400 `InvalidPassword`); a taken address is 409 `EmailInUse`. Then the
 * email changes and is unverified, pending reset and magic links (sent to the old address)
 * die, `email_changed` is recorded, the verification link goes to the new address and
 * `emailChanged` to the old one. Returns the updated user.
 */
export async function changeEmail(
  ctx: AxorContext,
  input: unknown,
  user: UserRecord,
  client: ClientInfo,
): Promise<UserRecord> {
  const fields = parseInput(changeEmailSchema, input);
  if (fields.email === user.email) throw new AxorError("SameEmail");
  await hitEmailLimit(ctx, fields.email, client);
  if (!(await ctx.hasher.verify(user.passwordHash, fields.password))) {
    throw new AxorError("InvalidPassword", {
      detail: WRONG_PASSWORD,
      errors: { password: [WRONG_PASSWORD] },
    });
  }

  let updated: UserRecord | null;
  try {
    updated = await ctx.storage.updateUser(user.id, {
      email: fields.email,
      isEmailVerified: false,
      updatedAt: ctx.now(),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) throw new AxorError("EmailInUse");
    throw error;
  }
  if (!updated) throw new AxorError("NotAuthenticated");
  await ctx.storage.deleteOneTimeTokens(user.id, "reset_password");
  await ctx.storage.deleteOneTimeTokens(user.id, "magic_link");
  await recordUserEvent(ctx, user.id, "email_changed", client);
  await Promise.all([
    sendVerificationEmail(ctx, updated),
    sendEmail(ctx, composeEmail(ctx, "emailChanged", user)),
  ]);
  return updated;
}
