import type { PasswordHasher } from "./auth/password-hasher.js";
import type { SecretBox } from "./crypto/secret-box.js";
import type { Mailer } from "./mail/mailer.js";
import type { ResolvedAxorOptions } from "./options/resolve-axor-options.js";
import type { RateLimiter } from "./rate-limit/rate-limiter.js";
import type { DeviceTokens } from "./sessions/device-token.js";
import type { RecordEvent } from "./storage/security-event-recorder.js";
import type { StorageAdapter } from "./storage/storage-adapter.js";
import type { BackupCodes } from "./totp/backup-code.js";
import type { ProfileSchemas } from "./user-fields/profile-schemas.js";
import type { UserFieldSet } from "./user-fields/user-field-set.js";

/** What every flow needs, built once by `createAxor`. Internal. */
export interface AxorContext {
  options: ResolvedAxorOptions;
  storage: StorageAdapter;
  hasher: PasswordHasher;
  secretBox: SecretBox;
  /** Makes backup codes and their stored HMACs. */
  backupCodes: BackupCodes;
  /** Issues and checks the device cookies of browsers that signed in. */
  deviceTokens: DeviceTokens;
  mailer: Mailer;
  limiter: RateLimiter;
  /** Writes a security event to the event log and hands it to `onEvent`. */
  recordEvent: RecordEvent;
  /** The declared additional user fields (`userFields`), compiled. */
  userFields: UserFieldSet;
  /** The request schemas of register, change_name and the admin API for this instance. */
  profile: ProfileSchemas;
  now(): Date;
  /** Reports an error that must not fail the request (e.g. a mail outage). */
  reportError(error: unknown, during: string): void;
}
