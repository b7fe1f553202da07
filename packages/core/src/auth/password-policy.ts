import { AxorError } from "../errors/axor-error.js";
import type { ErrorCode } from "../errors/error-catalogue.js";
import type { ResolvedAxorOptions } from "../options/resolve-axor-options.js";
import { codePointLength, hasLoneSurrogate } from "../validation/text-checks.js";

/**
 * Enforces the password policy (default 8..256 characters, counted as Unicode code points, any
 * characters allowed; an unpaired surrogate is no character and would hash like U+FFFD). Throws `code` (400) with the reason under `field`.
 */
export function checkPasswordPolicy(
  policy: ResolvedAxorOptions["password"],
  password: string,
  code: ErrorCode = "InvalidPassword",
  field = "password",
): void {
  const length = codePointLength(password);
  let reason: string | null = null;
  if (hasLoneSurrogate(password)) reason = "Password must not contain unpaired surrogates.";
  else if (length < policy.minLength)
    reason = `Password must be at least ${policy.minLength} characters.`;
  else if (length > policy.maxLength)
    reason = `Password must be at most ${policy.maxLength} characters.`;
  if (reason) throw new AxorError(code, { detail: reason, errors: { [field]: [reason] } });
}
