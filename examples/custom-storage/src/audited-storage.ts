import type { SecurityEvent, StorageAdapter } from "@axor/core";

/** Where `auditedStorage` writes each security event. */
export type AuditLog = (event: SecurityEvent) => void;

/**
 * A custom storage adapter in its smallest useful form: every verb is `inner`'s, except
 * `recordSecurityEvent`, which also writes the event to an audit log (a file, a SIEM, ...).
 * Spreading `inner` works for adapters that are plain objects, as `memoryStorage()` and
 * `kyselyStorage()` are; a class-based one would need each method delegated.
 *
 * A real adapter (another database) implements every verb of `StorageAdapter` itself and keeps
 * the atomic ones atomic; `describeStorageAdapter` from `@axor/testing` checks it either way
 * (see test/audited-storage.test.ts).
 *
 * @example
 * ```ts
 * const storage = auditedStorage(memoryStorage(), (event) => console.log(event.type));
 * const axor = createAxor({ storage, secret });
 * ```
 */
export function auditedStorage(inner: StorageAdapter, log: AuditLog): StorageAdapter {
  return {
    ...inner,
    async recordSecurityEvent(event) {
      await inner.recordSecurityEvent(event);
      log(event);
    },
  };
}
