import { AxorError } from "../errors/axor-error.js";
import type { ErrorCode } from "../errors/error-catalogue.js";
import type { ResolvedAxorOptions } from "../options/axor-options.js";

/**
 * Enforces the password policy (default 8..256 characters, counted as Unicode code points, any
 * characters allowed). Throws `code` (400) with the reason under `field`.
 */
export function checkPasswordPolicy(
  policy: ResolvedAxorOptions["password"],
  password: string,
  code: ErrorCode = "InvalidPassword",
  field = "password",
): void {
  const length = [...password].length;
  let reason: string | null = null;
  if (length < policy.minLength)
    reason = `Password must be at least ${policy.minLength} characters.`;
  else if (length > policy.maxLength)
    reason = `Password must be at most ${policy.maxLength} characters.`;
  if (reason) throw new AxorError(code, { detail: reason, errors: { [field]: [reason] } });
}
