import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Axor, createAxor, memoryStorage } from "@axor/core";
import type { StorageAdapter } from "@axor/core/storage";
import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
import { sql } from "kysely";
import { type FuzzAccount, registerFuzzAccount } from "./fuzz-account.js";
import { journaled, WriteJournal } from "./write-journal.js";

/** An Axor under fuzz: its storage's writes journaled, and a signed-in account at hand. */
export interface FuzzTarget {
  axor: Axor;
  journal: WriteJournal;
  /** Errors the core reported through `onError` (none is expected: each would be a 5xx). */
  reported: string[];
  /** The account's credentials; a new account once a case may have changed or ended it. */
  account(): Promise<FuzzAccount>;
  /** Call after a case that succeeded with a state change (logout, new password...). */
  retireAccount(): void;
  /** Rows per table of the account data (not counters or events), where the storage can count. */
  rows(): Promise<Record<string, number> | null>;
  close(): Promise<void>;
}

const FUZZ_SECRET = "axor-fuzz-secret-0123456789abcdef-0123456789";

function target(
  storage: StorageAdapter,
  rows: () => Promise<Record<string, number> | null>,
  close: () => Promise<void>,
): FuzzTarget {
  const journal = new WriteJournal();
  const reported: string[] = [];
  // Default rate limits (counters are written by rejected requests, as the SPEC wants);
  // the cheapest argon2 the options allow; mail swallowed.
  const axor = createAxor({
    storage: journaled(storage, journal),
    secret: FUZZ_SECRET,
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    mailer: { send: async () => {} },
    onError: (error, during) => reported.push(`${during}: ${String(error)}`),
  });
  let account: Promise<FuzzAccount> | undefined;
  return {
    axor,
    journal,
    reported,
    account: () => {
      account ??= registerFuzzAccount(axor);
      return account;
    },
    retireAccount: () => {
      account = undefined;
    },
    rows,
    close,
  };
}

/** The fuzz target on memory storage. */
export async function memoryFuzzTarget(): Promise<FuzzTarget> {
  return target(
    memoryStorage(),
    async () => null,
    async () => {},
  );
}

const accountTables = ["users", "sessions", "one_time_tokens", "totp", "backup_codes"];

/** The fuzz target on a fresh SQLite file, migrated, whose tables are counted. */
export async function sqliteFuzzTarget(): Promise<FuzzTarget> {
  const folder = await mkdtemp(join(tmpdir(), "axor-fuzz-"));
  const opened = openDatabase(join(folder, "fuzz.db"));
  await migrateToLatest(opened.db);
  const rows = async () => {
    const counts: Record<string, number> = {};
    for (const table of accountTables) {
      const result = await sql<{
        n: number;
      }>`select count(*) as n from ${sql.table(`axor_${table}`)}`.execute(opened.db);
      counts[table] = Number(result.rows[0]?.n);
    }
    return counts;
  };
  return target(kyselyStorage(opened.db), rows, async () => {
    await opened.close();
    await rm(folder, { recursive: true, force: true });
  });
}
