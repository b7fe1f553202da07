import { randomUUID } from "node:crypto";
import { toUser } from "../api/api-object-mappers.js";
import type { User } from "../api/api-objects.js";
import { checkPasswordPolicy } from "../auth/password-policy.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { sendVerificationEmail } from "../mail/verification-email.js";
import { EmailTakenError } from "../storage/email-taken-error.js";
import { newUserFields } from "../user-fields/fields-patch.js";
import { parseInput } from "../validation/parse-input.js";
import { recordAdminEvent } from "./admin-user.js";

/**
 * A stored password hash no password matches: the account of a user created without one
 * (magic link only, until a reset link sets a password). The hasher treats it as malformed.
 */
const NO_PASSWORD = "";

/**
 * `axor.users.create`: validates as `register/` does (plus the two flags, and every declared
 * field whatever its `register` flag), hashes the password
 * if any, and stores the user. No session, no rate limit, no email unless asked.
 */
export async function createUser(ctx: AxorContext, input: unknown): Promise<User> {
  const fields = parseInput(ctx.profile.adminCreate, input);
  if (fields.password !== undefined) checkPasswordPolicy(ctx.options.password, fields.password);
  const passwordHash =
    fields.password === undefined ? NO_PASSWORD : await ctx.hasher.hash(fields.password);
  const now = ctx.now();
  try {
    const user = await ctx.storage.createUser({
      id: randomUUID(),
      email: fields.email,
      passwordHash,
      firstName: fields.first_name,
      lastName: fields.last_name,
      timezone: "UTC",
      isActive: true,
      isEmailVerified: fields.email_verified,
      createdAt: now,
      updatedAt: now,
      ...newUserFields(ctx, fields),
    });
    await recordAdminEvent(ctx, user.id, "user_created");
    if (fields.send_verification_email && !user.isEmailVerified) {
      await sendVerificationEmail(ctx, user);
    }
    return toUser(user, ctx.userFields);
  } catch (error) {
    if (error instanceof EmailTakenError) throw new AxorError("EmailInUse");
    throw error;
  }
}
