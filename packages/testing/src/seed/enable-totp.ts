import { type Axor } from "@axor/core";
import { createBackupCodes, createSecretBox, currentTotpCode } from "@axor/core/storage";
import { Secret } from "otpauth";

/**
 * A user's TOTP setup made by `enableTotp`, with what a test needs to answer the 2FA prompt.
 *
 * @example
 * ```ts
 * const totp: SeededTotp = await enableTotp(axor, user.id);
 * await axor.login({ email, password, code: totp.codeAt() }, client); // a TOTP code
 * // or a backup code, each one once
 * await axor.login({ email, password, code: totp.backupCodes[0] }, client);
 * ```
 */
export interface SeededTotp {
  secret: string;
  backupCodes: string[];
  /** The valid TOTP code at `at` (default: now). */
  codeAt(at?: Date): string;
}

/**
 * Turns on TOTP for a user straight through storage, for tests of the login's 2FA step
 * (the same state the TOTP endpoints leave). Throws when the user has TOTP on already.
 *
 * @example
 * ```ts
 * const totp = await enableTotp(ctx.server.axor, user.id);
 * await ctx.client().post("login/", { email, password, code: totp.codeAt() });
 * ```
 */
export async function enableTotp(
  axor: Axor,
  userId: string,
  backupCodeCount = 2,
): Promise<SeededTotp> {
  const { storage, secret: appSecret } = axor.options;
  const secret = new Secret({ size: 20 }).base32;
  const codes = createBackupCodes(appSecret);
  const backupCodes = codes.generate(backupCodeCount);
  const now = new Date();
  const saved = await storage.saveTotp(
    {
      userId,
      encryptedSecret: createSecretBox(appSecret).seal(secret, userId),
      confirmed: false,
      lastUsedStep: 0,
      createdAt: now,
    },
    backupCodes.map(codes.hash),
  );
  // The storage never replaces a confirmed setup: seeding twice would keep the first secret.
  if (!saved) throw new Error(`enableTotp: user ${userId} has TOTP enabled already`);
  await storage.confirmTotp(userId, now);
  return { secret, backupCodes, codeAt: (at = new Date()) => currentTotpCode(secret, at) };
}
