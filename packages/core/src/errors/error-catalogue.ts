/**
 * Every error the contract names: code -> status, title and a default detail sentence.
 *
 * @example
 * ```ts
 * const [status, title] = errorCatalogue.TOTPRequired; // 401, "2FA code is required"
 * ```
 */
export const errorCatalogue = {
  ValidationError: [400, "Invalid request", "The request has invalid fields."],
  InvalidJSON: [400, "Malformed JSON", "The request body is not valid JSON."],
  PayloadTooLarge: [413, "Payload too large", "The request body is larger than 64 KiB."],
  UnsupportedMediaType: [
    415,
    "Unsupported media type",
    "Send the request body as application/json.",
  ],
  NotFound: [404, "Not found", "There is no endpoint at this path."],
  MethodNotAllowed: [405, "Method not allowed", "This endpoint does not accept this method."],
  NotAuthenticated: [
    401,
    "Not authenticated",
    "Authentication credentials were not provided or are invalid.",
  ],
  RateLimited: [429, "Too many requests", "Too many attempts. Please try again later."],
  CSRFFailed: [403, "CSRF check failed", "The request's origin is not trusted."],
  ServiceUnavailable: [
    503,
    "Service unavailable",
    "The service is temporarily unavailable. Please try again later.",
  ],
  InternalError: [500, "Internal error", "An unexpected error occurred."],
  InvalidCredentials: [401, "Invalid credentials", "Credentials are invalid."],
  AccountDisabled: [403, "Account disabled", "This account is disabled."],
  TOTPRequired: [401, "2FA code is required", "TOTP token is required."],
  TOTPIncorrect: [
    401,
    "2FA code is incorrect",
    "Provided TOTP code or backup code is incorrect. Please try again.",
  ],
  TOTPLocked: [429, "2FA is locked", "Too many incorrect 2FA codes. Please try again later."],
  TOTPAlreadyEnabledOnInit: [
    400,
    "2FA is already enabled",
    "Two-factor authentication is already enabled for this account.",
  ],
  TOTPNotSetup: [400, "2FA is not set up", "Two-factor authentication is not set up."],
  InvalidTOTPToken: [
    400,
    "Invalid 2FA code",
    "Provided TOTP code or backup code is incorrect. Please try again.",
  ],
  EmailInUse: [409, "Email in use", "A user with this email already exists."],
  RegistrationDisabled: [403, "Registration disabled", "Registration is disabled."],
  InvalidPassword: [400, "Invalid password", "The password does not meet the password policy."],
  TokenRequired: [400, "Token required", "A token is required."],
  InvalidToken: [400, "Invalid token", "Token is invalid or expired."],
  EmailVerified: [400, "Email already verified", "The email address is already verified."],
  EmailVerificationLinkSentRecently: [
    429,
    "Verification link sent recently",
    "A verification link was sent recently. Please wait before asking for another.",
  ],
  InvalidOldPassword: [400, "Invalid old password", "The current password is incorrect."],
  InvalidNewPassword: [
    400,
    "Invalid new password",
    "The new password does not meet the password policy.",
  ],
  SameEmail: [400, "Same email", "The new email address is the current one."],
  SessionTokenNotFound: [404, "Session not found", "No such live session or token."],
  UserNotFound: [404, "User not found", "No user has this id."],
} as const satisfies Record<string, readonly [number, string, string]>;

/**
 * A stable PascalCase error code clients branch on.
 *
 * @example
 * ```ts
 * declare const response: Response; // an API call that failed, as the client sees it
 * declare function askForTheCode(): void;
 * declare function showError(detail: string): void;
 * const problem = (await response.json()) as { code: ErrorCode; detail: string };
 * if (problem.code === "TOTPRequired") askForTheCode();
 * else showError(problem.detail);
 * ```
 */
export type ErrorCode = keyof typeof errorCatalogue;
