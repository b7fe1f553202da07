import type { AxorContext } from "../axor-context.js";
import { randomKey } from "../crypto/random-key.js";
import { sha256 } from "../crypto/sha256.js";
import type { OneTimeTokenPurpose } from "../storage/records.js";

/** How long each kind of one-time token lives, in milliseconds. */
export const oneTimeTokenLifetimeMs: Record<OneTimeTokenPurpose, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 3600_000,
  magic_link: 15 * 60_000,
};

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
    expireAt: new Date(now.getTime() + oneTimeTokenLifetimeMs[purpose]),
  });
  return token;
}
