import type { StorageAdapter } from "@axor/core/storage";
import type { Database } from "./database.js";
import { oneTimeTokenStorage } from "./storage/one-time-token-storage.js";
import { sessionStorage } from "./storage/session-storage.js";
import { withStorageErrors } from "./storage/storage-errors.js";
import { twoFactorStorage } from "./storage/two-factor-storage.js";
import { userStorage } from "./storage/user-storage.js";

/**
 * Axor's storage on this app's Drizzle database: the four required parts and nothing more.
 * With no counters of its own, `createAxor` keeps the rate limits in `memoryRateLimitStore()`;
 * with no event log, security events reach only the `onEvent` hook.
 */
export function drizzleStorage(db: Database): StorageAdapter {
  return withStorageErrors({
    ...userStorage(db),
    ...sessionStorage(db),
    ...oneTimeTokenStorage(db),
    ...twoFactorStorage(db),
  });
}
