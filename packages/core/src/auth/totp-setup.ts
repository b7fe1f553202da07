import { Secret, TOTP } from "otpauth";
import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import type { TotpSetup } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { TotpRecord, UserRecord } from "../storage/records.js";
import { TOTP_PERIOD_SECONDS } from "../totp/totp-code.js";
import {
  acceptTotpCode,
  judgeTotpAttempt,
  verifySecondFactor,
} from "../totp/verify-second-factor.js";
import { bodyObject, requiredString } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { recordUserEvent } from "./record-user-event.js";

/** How many backup codes `totp/init/` and `totp/new-backup-codes/` hand out. */
export const BACKUP_CODE_COUNT = 10;

const blankMessage = "This field may not be blank.";

/** `totp/enable/`'s code: the 6 digits of the authenticator app (spaces inside are ignored). */
export const enableSchema = bodyObject({
  code: v.pipe(
    requiredString(),
    v.transform((code: string) => code.replace(/\s/g, "")),
    v.nonEmpty(blankMessage),
    v.regex(/^\d{6}$/, "Enter the 6-digit code of your authenticator app."),
  ),
});

/** The code of `totp/disable/` and `totp/new-backup-codes/`: a TOTP code or a backup code. */
export const secondFactorSchema = bodyObject({
  code: v.pipe(
    requiredString(),
    v.trim(),
    v.nonEmpty(blankMessage),
    v.maxLength(64, "Ensure this field has no more than 64 characters."),
  ),
});

/**
 * The user's TOTP setup when it is confirmed (2FA on), else null. The totp/ endpoints judge
 * "2FA on" by the stored setup, not by `user.totpEnabled` (which the storage keeps in step with
 * it): should the two ever disagree (an adapter written before `saveTotp` refused to replace
 * a confirmed setup could leave `totpEnabled` true beside an unconfirmed one), init and enable
 * still work, and enabling puts them back in step.
 */
async function confirmedTotp(ctx: AxorContext, user: UserRecord): Promise<TotpRecord | null> {
  const totp = await ctx.storage.getTotp(user.id);
  return totp?.confirmed ? totp : null;
}

/**
 * `totp/init/`: a new 160-bit secret, stored sealed (AES-256-GCM, the user id as AAD) and
 * unconfirmed, with 10 new backup codes stored as HMACs; any earlier unconfirmed setup and its
 * codes are replaced (never a confirmed one: `saveTotp` refuses atomically, so an enable racing
 * this init either wins and this answers 400, or loses and confirms the new setup). Returns the only copy of the secret (`key`, base32), its otpauth:// URI
 * for a QR code (`provision`, issuer `appName`, label the user's email) and the backup codes.
 * 400 `TOTPAlreadyEnabledOnInit` when 2FA is on. Records nothing: nothing changes for the
 * account until `totp/enable/`.
 */
export async function initTotp(ctx: AxorContext, user: UserRecord): Promise<TotpSetup> {
  if (await confirmedTotp(ctx, user)) throw new AxorError("TOTPAlreadyEnabledOnInit");
  const secret = new Secret({ size: 20 });
  const backupCodes = ctx.backupCodes.generate(BACKUP_CODE_COUNT);
  const saved = await ctx.storage.saveTotp(
    {
      userId: user.id,
      encryptedSecret: ctx.secretBox.seal(secret.base32, user.id),
      confirmed: false,
      lastUsedStep: 0,
      createdAt: ctx.now(),
    },
    backupCodes.map(ctx.backupCodes.hash),
  );
  // 2FA turned on between the check above and the save (a racing `totp/enable/`): the storage
  // kept the confirmed setup.
  if (!saved) throw new AxorError("TOTPAlreadyEnabledOnInit");
  const provision = new TOTP({
    issuer: ctx.options.appName,
    label: user.email,
    secret,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
  return { key: secret.base32, provision, backup_codes: backupCodes };
}

/**
 * `totp/enable/`: confirms the pending setup with a first code from the authenticator app and
 * turns 2FA on (the storage sets `totpEnabled` with the confirmation, atomically). The code's
 * time step is recorded, so it is never accepted again (at login either). A wrong code is 400
 * `InvalidTOTPToken` and counts toward the same lock as the login's 2FA step
 * (`judgeTotpAttempt`: `totp` limit, per account): while locked, 429 `TOTPLocked`. 400
 * `TOTPNotSetup` without a pending setup, 400 `TOTPAlreadyEnabledOnInit` when 2FA is on
 * already. Records `totp_enabled`.
 */
export async function enableTotp(
  ctx: AxorContext,
  user: UserRecord,
  input: unknown,
  client: ClientInfo,
): Promise<void> {
  const { code } = parseInput(enableSchema, input);
  const totp = await ctx.storage.getTotp(user.id);
  if (totp?.confirmed) throw new AxorError("TOTPAlreadyEnabledOnInit");
  if (!totp) throw new AxorError("TOTPNotSetup");

  const accepted = await judgeTotpAttempt(ctx, user.id, client, () =>
    acceptTotpCode(ctx, totp, code),
  );
  if (!accepted) throw new AxorError("InvalidTOTPToken");
  await ctx.storage.confirmTotp(user.id, ctx.now());
  await recordUserEvent(ctx, user.id, "totp_enabled", client);
}

/**
 * Checks the code of a 2FA-protected change (disable, new backup codes) with the login's own
 * 2FA check, `verifySecondFactor`: the same replay guard, single use of backup codes and lock.
 * Its refusals are mapped to this endpoint family's codes: a wrong code (`TOTPIncorrect`) is
 * 400 `InvalidTOTPToken`; a missing one cannot get here (the body check answers 400
 * `ValidationError` first); `TOTPLocked` stays 429 `TOTPLocked`.
 */
async function verifyCodeForChange(
  ctx: AxorContext,
  user: UserRecord,
  code: string,
  client: ClientInfo,
): Promise<void> {
  try {
    await verifySecondFactor(ctx, user, code, client);
  } catch (error) {
    if (error instanceof AxorError && error.code === "TOTPIncorrect") {
      throw new AxorError("InvalidTOTPToken");
    }
    if (error instanceof AxorError && error.code === "TOTPRequired") {
      throw new AxorError("ValidationError", { errors: { code: [blankMessage] } });
    }
    throw error;
  }
}

/**
 * `totp/disable/`: turns 2FA off after a TOTP code or a backup code (a backup code is how a
 * user who lost the authenticator app gets out); the setup and every backup code are deleted
 * with `totpEnabled` (atomically, by the storage). 400 `TOTPNotSetup` when 2FA is off, 400
 * `InvalidTOTPToken` for a wrong code, 429 `TOTPLocked`. Records `totp_disabled`.
 */
export async function disableTotp(
  ctx: AxorContext,
  user: UserRecord,
  input: unknown,
  client: ClientInfo,
): Promise<void> {
  const { code } = parseInput(secondFactorSchema, input);
  if (!(await confirmedTotp(ctx, user))) throw new AxorError("TOTPNotSetup");
  await verifyCodeForChange(ctx, user, code, client);
  await ctx.storage.deleteTotp(user.id, ctx.now());
  await recordUserEvent(ctx, user.id, "totp_disabled", client);
}

/**
 * `totp/new-backup-codes/`: after a TOTP code or a backup code, 10 new backup codes replace
 * every earlier one (the code used, if a backup code, is spent too). Errors as `disableTotp`.
 * Records `totp_backup_codes_renewed`.
 */
export async function renewBackupCodes(
  ctx: AxorContext,
  user: UserRecord,
  input: unknown,
  client: ClientInfo,
): Promise<string[]> {
  const { code } = parseInput(secondFactorSchema, input);
  if (!(await confirmedTotp(ctx, user))) throw new AxorError("TOTPNotSetup");
  await verifyCodeForChange(ctx, user, code, client);
  const backupCodes = ctx.backupCodes.generate(BACKUP_CODE_COUNT);
  await ctx.storage.replaceBackupCodes(user.id, backupCodes.map(ctx.backupCodes.hash));
  await recordUserEvent(ctx, user.id, "totp_backup_codes_renewed", client);
  return backupCodes;
}
