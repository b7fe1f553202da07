/**
 * Every `code` of the Axor error catalogue, as the server answers it. A type test holds this
 * list equal to `@axor/core`'s `ErrorCode` (`UserNotFound` comes only from the server-side
 * API, never over HTTP; it is here because the catalogue is one list).
 */
export type ServerErrorCode =
  | "ValidationError"
  | "InvalidJSON"
  | "PayloadTooLarge"
  | "UnsupportedMediaType"
  | "NotFound"
  | "MethodNotAllowed"
  | "NotAuthenticated"
  | "RateLimited"
  | "CSRFFailed"
  | "ServiceUnavailable"
  | "InternalError"
  | "InvalidCredentials"
  | "AccountDisabled"
  | "TOTPRequired"
  | "TOTPIncorrect"
  | "TOTPLocked"
  | "TOTPAlreadyEnabledOnInit"
  | "TOTPNotSetup"
  | "InvalidTOTPToken"
  | "EmailInUse"
  | "RegistrationDisabled"
  | "InvalidPassword"
  | "TokenRequired"
  | "InvalidToken"
  | "EmailVerified"
  | "EmailVerificationLinkSentRecently"
  | "InvalidOldPassword"
  | "InvalidNewPassword"
  | "SameEmail"
  | "SessionTokenNotFound"
  | "UserNotFound";

/**
 * The client's own codes, for failures with no envelope from Axor: `NetworkError` (the request
 * never got an answer) and `UnexpectedResponse` (an answer that is not Axor's, e.g. a proxy's
 * HTML error page).
 */
export type ClientOnlyErrorCode = "NetworkError" | "UnexpectedResponse";

/** What `AxorClientError.code` can be. */
export type AxorClientErrorCode = ServerErrorCode | ClientOnlyErrorCode;
