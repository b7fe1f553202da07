import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { UserRecord } from "../storage/records.js";
import { hashBackupCode } from "./backup-code.js";
import { matchTotpStep } from "./totp-code.js";

const SIX_DIGITS = /^\d{6}$/;

/** Counter key of a user's consecutive wrong 2FA codes. */
export const totpAttemptsKey = (userId: string) => `totp:${userId}`;

/**
 * Checks the 2FA code of a user who has TOTP on: a 6-digit TOTP code (each time step accepted
 * once) or a backup code (single use). Missing: `TOTPRequired`; wrong: `TOTPIncorrect`;
 * too many consecutive wrong codes: `TOTPLocked`.
 */
export async function verifySecondFactor(
  ctx: AxorContext,
  user: UserRecord,
  code: string | undefined,
): Promise<void> {
  const given = code?.trim() ?? "";
  if (given === "") throw new AxorError("TOTPRequired");
  const attemptsKey = totpAttemptsKey(user.id);
  await ctx.limiter.hit("totp", [attemptsKey], "TOTPLocked");
  if (!(await isCorrect(ctx, user, given))) throw new AxorError("TOTPIncorrect");
  await ctx.limiter.reset([attemptsKey]);
}

async function isCorrect(ctx: AxorContext, user: UserRecord, code: string): Promise<boolean> {
  const totp = await ctx.storage.getTotp(user.id);
  if (!totp?.confirmed) return false;
  if (SIX_DIGITS.test(code)) {
    const secret = ctx.secretBox.open(totp.encryptedSecret);
    const step = secret === null ? null : matchTotpStep(secret, code, ctx.now());
    return step !== null && (await ctx.storage.advanceTotpStep(user.id, step));
  }
  return ctx.storage.useBackupCode(user.id, hashBackupCode(code));
}
