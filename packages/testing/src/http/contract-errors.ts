/** What the contract promises about one error code: its status, title and (when SPEC quotes it) detail. */
export interface ContractError {
  status: number;
  title: string;
  detail?: string;
}

/**
 * The errors the contract's current endpoints can answer with, as SPEC.md and the error
 * catalogue define them. Kept here, apart from the core, so the suite checks the core rather
 * than repeating it.
 */
export const contractErrors = {
  ValidationError: { status: 400, title: "Invalid request" },
  InvalidJSON: { status: 400, title: "Malformed JSON" },
  PayloadTooLarge: { status: 413, title: "Payload too large" },
  UnsupportedMediaType: { status: 415, title: "Unsupported media type" },
  NotFound: { status: 404, title: "Not found" },
  MethodNotAllowed: { status: 405, title: "Method not allowed" },
  NotAuthenticated: { status: 401, title: "Not authenticated" },
  RateLimited: { status: 429, title: "Too many requests" },
  CSRFFailed: { status: 403, title: "CSRF check failed" },
  InvalidCredentials: {
    status: 401,
    title: "Invalid credentials",
    detail: "Credentials are invalid.",
  },
  AccountDisabled: { status: 403, title: "Account disabled" },
  TOTPRequired: { status: 401, title: "2FA code is required", detail: "TOTP token is required." },
  TOTPIncorrect: {
    status: 401,
    title: "2FA code is incorrect",
    detail: "Provided TOTP code or backup code is incorrect. Please try again.",
  },
  TOTPLocked: { status: 429, title: "2FA is locked" },
  TOTPAlreadyEnabledOnInit: { status: 400, title: "2FA is already enabled" },
  TOTPNotSetup: { status: 400, title: "2FA is not set up" },
  InvalidTOTPToken: { status: 400, title: "Invalid 2FA code" },
  EmailInUse: { status: 409, title: "Email in use" },
  RegistrationDisabled: { status: 403, title: "Registration disabled" },
  InvalidPassword: { status: 400, title: "Invalid password" },
  SessionTokenNotFound: { status: 404, title: "Session not found" },
  TokenRequired: { status: 400, title: "Token required" },
  InvalidToken: { status: 400, title: "Invalid token", detail: "Token is invalid or expired." },
  InvalidOldPassword: { status: 400, title: "Invalid old password" },
  InvalidNewPassword: { status: 400, title: "Invalid new password" },
  EmailVerified: { status: 400, title: "Email already verified" },
  EmailVerificationLinkSentRecently: { status: 429, title: "Verification link sent recently" },
  SameEmail: { status: 400, title: "Same email" },
} as const satisfies Record<string, ContractError>;

/** A code the suite asserts. */
export type ContractErrorCode = keyof typeof contractErrors;
