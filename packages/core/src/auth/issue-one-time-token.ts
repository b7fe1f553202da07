import type { AxorContext } from "../axor-context.js";
import { randomKey } from "../crypto/random-key.js";
import { sha256 } from "../crypto/sha256.js";
import type { OneTimeTokenPurpose } from "../storage/records.js";

/** How long a token of `purpose` works, in seconds (from `tokenLifetimes`). */
export function tokenLifetimeSeconds(ctx: AxorContext, purpose: OneTimeTokenPurpose): number {
  const lifetimes = ctx.options.tokenLifetimes;
  if (purpose === "verify_email") return lifetimes.verifyEmailSeconds;
  return purpose === "reset_password" ? lifetimes.resetPasswordSeconds : lifetimes.magicLinkSeconds;
}

/**
 * Creates a single-use token for `purpose`, killing the user's older ones of that purpose
 * ("older links die"). Returns the token; only its SHA-256 is stored.
 */
export async function issueOneTimeToken(
  ctx: AxorContext,
  purpose: OneTimeTokenPurpose,
  user: { id: string; email: string },
): Promise<string> {
  const token = randomKey();
  const now = ctx.now();
  await ctx.storage.deleteOneTimeTokens(user.id, purpose);
  await ctx.storage.createOneTimeToken({
    tokenHash: sha256(token),
    purpose,
    userId: user.id,
    email: user.email,
    createdAt: now,
    expireAt: new Date(now.getTime() + tokenLifetimeSeconds(ctx, purpose) * 1000),
  });
  return token;
}
