export type { AppToken, AuthState, LoginResponse, Session, User } from "./api/api-objects.js";
export type { ClientInfo, ClientMode, Credential } from "./api/client-info.js";
export type { Authentication, Axor, LoginInput, LoginResult, RegisterInput } from "./axor-api.js";
export { createAxor } from "./create-axor.js";
export { createSecretBox, type SecretBox } from "./crypto/secret-box.js";
export { AxorError, type FieldErrors } from "./errors/axor-error.js";
export { type ErrorCode, errorCatalogue } from "./errors/error-catalogue.js";
export { type FetchHandlerOptions, fetchHandler } from "./http/fetch-handler.js";
export type { AxorRequest, AxorResponse, ParsedBody } from "./http/neutral-http.js";
export { problemResponse } from "./http/problem-response.js";
export { MAX_BODY_BYTES } from "./http/read-json-body.js";
export { BODY_READ_LIMIT, declaresBody, readLimitedBody } from "./http/read-limited-body.js";
export { readLimitedStream } from "./http/read-limited-stream.js";
export { consoleMailer } from "./mail/console-mailer.js";
export type { EmailMessage, Mailer } from "./mail/mailer.js";
export { smtpMailer } from "./mail/smtp-mailer.js";
export {
  type AxorOptions,
  axorOptionsSchema,
  type RateLimitRule,
  type ResolvedAxorOptions,
  resolveAxorOptions,
} from "./options/axor-options.js";
export { EmailTakenError } from "./storage/email-taken-error.js";
export { memoryStorage } from "./storage/memory-storage.js";
export type * from "./storage/records.js";
export type { StorageAdapter } from "./storage/storage-adapter.js";
export { StorageUnavailableError } from "./storage/storage-unavailable-error.js";
export { hashBackupCode, normalizeBackupCode } from "./totp/backup-code.js";
export { currentTotpCode } from "./totp/totp-code.js";
