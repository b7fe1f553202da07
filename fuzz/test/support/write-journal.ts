import type { StorageAdapter } from "@axor/core/storage";

/**
 * Each write verb of the storage interface, and when a call of it changed something: a verb
 * that found nothing to change (`false`, `null`, 0) wrote nothing. Rate-limit counters and
 * security events are not here: a rejected request may count and log (SPEC: failed attempts
 * are rate limited), nothing else.
 */
const writeVerbs: Readonly<Record<string, (result: unknown) => boolean>> = {
  createUser: () => true,
  updateUser: (result) => result !== null,
  createSession: () => true,
  revokeSession: (result) => result === true,
  revokeUserSessions: (result) => typeof result === "number" && result > 0,
  createOneTimeToken: () => true,
  consumeOneTimeToken: (result) => result !== null,
  deleteOneTimeTokens: () => true,
  saveTotp: (result) => result === true,
  confirmTotp: () => true,
  deleteTotp: () => true,
  advanceTotpStep: (result) => result === true,
  replaceBackupCodes: () => true,
  useBackupCode: (result) => result === true,
};

/** The storage writes made since the journal was last cleared, by verb name. */
export class WriteJournal {
  readonly writes: string[] = [];
  clear(): void {
    this.writes.length = 0;
  }
}

/**
 * `storage` with every effective write recorded in `journal`. `touchSession` (a live session
 * sliding its expiry when it is used) is not a write of the request's own: it is left out.
 *
 * @example
 * ```ts
 * const journal = new WriteJournal();
 * const axor = createAxor({ storage: journaled(memoryStorage(), journal), secret });
 * ```
 */
export function journaled<S extends StorageAdapter>(storage: S, journal: WriteJournal): S {
  return new Proxy(storage, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      const wrote = typeof name === "string" ? writeVerbs[name] : undefined;
      if (!wrote || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        if (wrote(result)) journal.writes.push(name as string);
        return result;
      };
    },
  });
}
