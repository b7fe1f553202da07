import { StorageUnavailableError } from "@axor/core/storage";
import { makeNewUser } from "@axor/testing";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kyselyStorage, migrateToLatest, openDatabase } from "../src/index.js";
import { freshSqliteDatabase } from "./support/fresh-sqlite-database.js";
import type { TestDatabase } from "./support/test-database.js";

describe("SQLite faults", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshSqliteDatabase();
    await migrateToLatest(database.opened.db);
  });
  afterAll(async () => database?.drop());

  it("a write blocked by another process's lock past busyTimeoutSeconds answers StorageUnavailableError, then works once the lock is gone", async () => {
    const other = new Database(database.url);
    const opened = openDatabase(database.url, { busyTimeoutSeconds: 0.2 });
    try {
      const storage = kyselyStorage(opened.db);
      other.exec("begin immediate");
      const started = Date.now();
      const failure = await storage.createUser(makeNewUser()).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageUnavailableError);
      expect(Date.now() - started).toBeLessThan(2_000);
      other.exec("rollback");
      await expect(storage.createUser(makeNewUser())).resolves.toMatchObject({ isActive: true });
    } finally {
      other.close();
      await opened.close();
    }
  });
});
