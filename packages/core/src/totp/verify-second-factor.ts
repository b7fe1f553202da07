import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { UserRecord } from "../storage/records.js";
import { matchTotpStep } from "./totp-code.js";

const SIX_DIGITS = /^\d{6}$/;

/** Counter key of a user's consecutive wrong 2FA codes. */
export const totpAttemptsKey = (userId: string) => `totp:${userId}`;

/**
 * Checks the 2FA code of a user who has TOTP on: a 6-digit TOTP code (each time step accepted
 * once; spaces inside are ignored) or a backup code (single use). Missing: `TOTPRequired`;
 * wrong: `TOTPIncorrect`. The 5th consecutive wrong code locks 2FA for the account for one
 * window of the `totp` limit (15 minutes by default) from that moment: `TOTPLocked`.
 */
export async function verifySecondFactor(
  ctx: AxorContext,
  user: UserRecord,
  code: string | undefined,
): Promise<void> {
  const given = code?.trim() ?? "";
  if (given === "") throw new AxorError("TOTPRequired");
  const attemptsKey = totpAttemptsKey(user.id);
  await ctx.limiter.assertNotLocked("totp", attemptsKey, "TOTPLocked");
  const attempts = await ctx.limiter.hit("totp", [attemptsKey], "TOTPLocked");
  if (await isCorrect(ctx, user, given)) {
    await ctx.limiter.reset([attemptsKey]);
    return;
  }
  if (ctx.limiter.reached("totp", attempts)) await ctx.limiter.lock("totp", attemptsKey);
  throw new AxorError("TOTPIncorrect");
}

async function isCorrect(ctx: AxorContext, user: UserRecord, code: string): Promise<boolean> {
  const totp = await ctx.storage.getTotp(user.id);
  if (!totp?.confirmed) return false;
  const digits = code.replace(/\s/g, "");
  if (SIX_DIGITS.test(digits)) {
    const secret = ctx.secretBox.open(totp.encryptedSecret, user.id);
    const step = secret === null ? null : matchTotpStep(secret, digits, ctx.now());
    return step !== null && (await ctx.storage.advanceTotpStep(user.id, step));
  }
  return ctx.storage.useBackupCode(user.id, ctx.backupCodes.hash(code));
}
