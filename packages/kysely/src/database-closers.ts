import type { Kysely } from "kysely";

/**
 * The Kysely instances `openDatabase` made, each with its one close (idempotent): so that
 * `kyselyStorage(db).close()` (and `axor.close()`) ends the pool or file Axor opened, and a
 * second close, from `OpenedDatabase.close`, does nothing.
 */
const closers = new WeakMap<Kysely<any>, () => Promise<void>>();

/** `close` made to run once: later calls get the first call's promise. */
export function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

/** Records that `openDatabase` opened `db`, and how it is closed. */
export function rememberOpenedDatabase(db: Kysely<any>, close: () => Promise<void>): void {
  closers.set(db, close);
}

/** The close of a database `openDatabase` opened, or undefined for a Kysely made elsewhere. */
export function closerOf(db: Kysely<any>): (() => Promise<void>) | undefined {
  return closers.get(db);
}
