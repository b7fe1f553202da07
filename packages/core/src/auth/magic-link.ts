import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import type { LoginResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { verifySecondFactor } from "../totp/verify-second-factor.js";
import { bodyObject, requiredString } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { requestEmailLink } from "./email-link-request.js";
import { consumeLiveToken, findLiveToken, tokenOf } from "./one-time-token-input.js";
import { recordUserEvent } from "./record-user-event.js";
import { signIn } from "./sign-in.js";

export const consumeSchema = bodyObject({
  // Checked by `tokenOf`: a missing or empty token is `TokenRequired`, not a ValidationError.
  token: v.optional(v.unknown()),
  code: v.optional(
    v.pipe(requiredString(), v.maxLength(64, "Ensure this field has no more than 64 characters.")),
  ),
});

/** `magic_link/request/`: see `requestEmailLink`; the link signs the user in. */
export function requestMagicLink(ctx: AxorContext, input: unknown, client: ClientInfo) {
  return requestEmailLink(ctx, input, client, {
    purpose: "magic_link",
    template: "magicLink",
    event: "magic_link_requested",
    during: "sending a magic link",
  });
}

/**
 * `magic_link/consume/`: signs the link's user in (a new session, the login response) and
 * marks the email verified. The token is checked first without being used up; an account
 * disabled since, an address changed since (InvalidToken) and, when 2FA is on, a missing or
 * wrong code all leave it as it was (a rejected request writes nothing). Only then is it used
 * up, atomically: of parallel consumptions exactly one signs in, the others get InvalidToken.
 */
export async function consumeMagicLink(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<LoginResult> {
  const fields = parseInput(consumeSchema, input);
  const token = tokenOf(fields);
  const found = await findLiveToken(ctx, "magic_link", token);
  const user = await ctx.storage.getUserById(found.userId);
  // A link sent to an address the account no longer has signs nobody in.
  if (!user || user.email !== found.email) throw new AxorError("InvalidToken");
  if (!user.isActive) throw new AxorError("AccountDisabled");
  if (user.totpEnabled) await verifySecondFactor(ctx, user, fields.code, client);
  await consumeLiveToken(ctx, "magic_link", token);

  let signedIn = user;
  if (!user.isEmailVerified) {
    const updated = await ctx.storage.updateUser(user.id, {
      isEmailVerified: true,
      updatedAt: ctx.now(),
    });
    if (!updated) throw new AxorError("InvalidToken");
    signedIn = updated;
    await recordUserEvent(ctx, user.id, "email_verified", client);
  }
  return signIn(ctx, signedIn, client, "magic_link_login");
}
