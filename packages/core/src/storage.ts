// `@axor/core/storage`: what a storage adapter needs. See docs/storage.md.
export { createSecretBox, type SecretBox } from "./crypto/secret-box.js";
export { isPromiseLike, type MaybePromise } from "./maybe-promise.js";
export { EmailTakenError } from "./storage/email-taken-error.js";
export type * from "./storage/records.js";
export type {
  EventLog,
  EventLogReader,
  ExpiredRowSweeper,
  OneTimeTokenStorage,
  RateLimitStore,
  SessionStorage,
  StorageAdapter,
  TwoFactorStorage,
  UserAdminStorage,
  UserStorage,
} from "./storage/storage-adapter.js";
export { StorageUnavailableError } from "./storage/storage-unavailable-error.js";
export { type BackupCodes, createBackupCodes, normalizeBackupCode } from "./totp/backup-code.js";
export { currentTotpCode } from "./totp/totp-code.js";
