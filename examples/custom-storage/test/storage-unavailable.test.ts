import { randomUUID } from "node:crypto";
import { StorageUnavailableError } from "@axor/core/storage";
import { makeNewUser } from "@axor/testing";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/database.js";
import { drizzleStorage } from "../src/drizzle-storage.js";

// No server needed: nothing listens on port 1, and a closed pool never connects.
describe("drizzleStorage when PostgreSQL cannot be reached", () => {
  it("throws StorageUnavailableError, with the driver's error as cause", async () => {
    const { db, close } = openDatabase("postgres://postgres@127.0.0.1:1/axor");
    const storage = drizzleStorage(db);
    try {
      const failure = await storage.getUserById(randomUUID()).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageUnavailableError);
      expect((failure as Error).cause).toBeDefined();
      await expect(storage.createUser(makeNewUser())).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
    } finally {
      await close();
    }
  });

  it("throws StorageUnavailableError once the pool is closed", async () => {
    const { db, close } = openDatabase("postgres://postgres@127.0.0.1:1/axor");
    await close();
    await expect(drizzleStorage(db).useBackupCode(randomUUID(), "code")).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
  });
});
