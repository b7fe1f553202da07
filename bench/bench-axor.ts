import { type Axor, type AxorOptions, createAxor } from "@axor/core";
import type { StorageAdapter } from "@axor/core/storage";
import { kyselyStorage, openDatabase } from "@axor/kysely";

/** A fixed secret: the benchmarks never encrypt anything that matters. */
export const BENCH_SECRET = "axor-bench-secret-for-benchmarks-only-0123456789";

/** An Axor instance on an already migrated SQLite file, as the examples open one. */
export interface SqliteAxor {
  axor: Axor;
  storage: StorageAdapter;
  close(): Promise<void>;
}

/**
 * Opens `path` with `openDatabase` (statement cache included) and serves Axor from it, with
 * the default options unless `options` says otherwise.
 */
export function sqliteAxor(
  path: string,
  options: Partial<Omit<AxorOptions, "storage" | "secret">> = {},
): SqliteAxor {
  const { db, close } = openDatabase(path);
  const storage = kyselyStorage(db);
  return { axor: createAxor({ ...options, storage, secret: BENCH_SECRET }), storage, close };
}
