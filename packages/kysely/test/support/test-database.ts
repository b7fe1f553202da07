import type { OpenedDatabase } from "../../src/index.js";

/** A database made for one test file: opened, and removed again by `drop`. */
export interface TestDatabase {
  /** The string `openDatabase` (and the CLI) accepts for it. */
  url: string;
  opened: OpenedDatabase;
  /** Closes `opened` and deletes the database (or file). */
  drop(): Promise<void>;
}

/** A name no other run uses: `axor_test_<random>`. */
export function freshDatabaseName(): string {
  return `axor_test_${Math.random().toString(36).slice(2, 10)}`;
}
