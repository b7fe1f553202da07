import { Secret, TOTP } from "otpauth";

/** The TOTP parameters Axor uses: RFC 6238 defaults, SHA-1, 6 digits, 30 s steps. */
export const TOTP_PERIOD_SECONDS = 30;

/**
 * The time step at which `code` is valid for `secretBase32`, within one step either side of
 * `now`, or null. Callers must still reject a step that was already used.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const secret = Secret.fromBase32(secretBase32);
  const delta = TOTP.validate({
    token: code,
    secret,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now.getTime() }) + delta;
}

/**
 * The code for a base32 secret at an instant (for tests and for the setup page).
 *
 * @example
 * ```ts
 * currentTotpCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", new Date(59_000)); // "287082"
 * ```
 */
export function currentTotpCode(secretBase32: string, now: Date): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    period: TOTP_PERIOD_SECONDS,
    timestamp: now.getTime(),
  });
}
