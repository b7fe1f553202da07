import type { ClientInfo } from "../api/client-info.js";
import { recordUserEvent } from "../auth/record-user-event.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { TotpRecord, UserRecord } from "../storage/records.js";
import { matchTotpStep } from "./totp-code.js";

const SIX_DIGITS = /^\d{6}$/;

/** Counter key of a user's consecutive wrong 2FA codes. */
export const totpAttemptsKey = (userId: string) => `totp:${userId}`;

/**
 * One 2FA attempt of a user under the `totp` limit (max 5 in 15 minutes by default), for every
 * check of a TOTP or backup code: the login's, `magic_link/consume/`'s, and the `totp/*`
 * endpoints'. Returns what `judge` says, and keeps the lock:
 *
 * - while the lock lasts every attempt is refused with `TOTPLocked` (429, Retry-After = the
 *   lock's end), without being counted or judged;
 * - otherwise the attempt is counted first, atomically (`incrementCounter` on
 *   `totp:<userId>`, in a fixed window opened by the first counted attempt); counted above the
 *   limit it is refused with `TOTPLocked` (Retry-After = the window's end), unjudged: so
 *   whatever the parallelism, at most `max` codes are judged per window;
 * - a wrong code counted `max`-th (exactly one per window) starts the lock: one window from
 *   that moment, without resetting the count, and the security event `totp_locked`;
 * - a correct code resets the count (never the lock); it was counted within the limit, so it
 *   was judged while the account was not locked.
 *
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof judgeTotpAttempt>[0]; // the flow's AxorContext
 * declare const client: Parameters<typeof judgeTotpAttempt>[2]; // who asks
 * declare function checkCode(code: string): Promise<boolean>; // e.g. advanceTotpStep's answer
 * // Throws TOTPLocked (429) while locked or over the limit; false: a wrong code, counted.
 * const ok = await judgeTotpAttempt(ctx, "user-id", client, () => checkCode("123456"));
 * if (!ok) throw new AxorError("InvalidTOTPToken");
 * ```
 */
export async function judgeTotpAttempt(
  ctx: AxorContext,
  userId: string,
  client: ClientInfo | undefined,
  judge: () => Promise<boolean>,
): Promise<boolean> {
  const attemptsKey = totpAttemptsKey(userId);
  await ctx.limiter.assertNotLocked("totp", attemptsKey, "TOTPLocked");
  const attempts = await ctx.limiter.hit("totp", [attemptsKey], "TOTPLocked");
  if (await judge()) {
    await ctx.limiter.reset([attemptsKey]);
    return true;
  }
  if (ctx.limiter.reached("totp", attempts)) {
    await ctx.limiter.lock("totp", attemptsKey);
    await recordUserEvent(ctx, userId, "totp_locked", client ?? noClient);
  }
  return false;
}

/** The client of an event recorded without one. */
const noClient: ClientInfo = { ip: "", userAgent: null, mode: "web", credential: null };

/**
 * Checks the 2FA code of a user who has TOTP on: a 6-digit TOTP code (each time step accepted
 * once; spaces inside are ignored) or a backup code (single use). Missing: `TOTPRequired`;
 * wrong: `TOTPIncorrect`. The 5th wrong code in a row locks 2FA for the account for one window
 * of the `totp` limit (15 minutes by default) from that moment: `TOTPLocked` (see
 * `judgeTotpAttempt` for the exact rule). `client` goes into the `totp_locked` event.
 */
export async function verifySecondFactor(
  ctx: AxorContext,
  user: UserRecord,
  code: string | undefined,
  client?: ClientInfo,
): Promise<void> {
  const given = code?.trim() ?? "";
  if (given === "") throw new AxorError("TOTPRequired");
  if (!(await judgeTotpAttempt(ctx, user.id, client, () => isCorrect(ctx, user, given)))) {
    throw new AxorError("TOTPIncorrect");
  }
}

async function isCorrect(ctx: AxorContext, user: UserRecord, code: string): Promise<boolean> {
  const totp = await ctx.storage.getTotp(user.id);
  if (!totp?.confirmed) return false;
  const digits = code.replace(/\s/g, "");
  if (SIX_DIGITS.test(digits)) return acceptTotpCode(ctx, totp, digits);
  return ctx.storage.useBackupCode(user.id, ctx.backupCodes.hash(code));
}

/**
 * True when `digits` is the code of `totp`'s secret within one step of now, in a time step
 * later than any accepted before (the replay guard: `advanceTotpStep` lets one caller win).
 */
export async function acceptTotpCode(
  ctx: AxorContext,
  totp: TotpRecord,
  digits: string,
): Promise<boolean> {
  const secret = ctx.secretBox.open(totp.encryptedSecret, totp.userId);
  const step = secret === null ? null : matchTotpStep(secret, digits, ctx.now());
  return step !== null && (await ctx.storage.advanceTotpStep(totp.userId, step));
}
