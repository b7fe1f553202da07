import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAxor } from "@axor/core";
import { StorageUnavailableError } from "@axor/core/storage";
import { makeNewUser } from "@axor/testing";
import { afterAll, describe, expect, it } from "vitest";
import { kyselyStorage, migrateToLatest, openDatabase } from "../src/index.js";

// Nothing listens on port 1, so these need no server.
const unreachable = {
  PostgreSQL: "postgres://postgres@127.0.0.1:1/axor",
  "MySQL/MariaDB": "mysql://root@127.0.0.1:1/axor",
};

describe("an unreachable database", () => {
  const folder = mkdtemp(join(tmpdir(), "axor-unreachable-"));
  afterAll(async () => rm(await folder, { recursive: true, force: true }));

  for (const [name, url] of Object.entries(unreachable)) {
    it(`${name}: every verb throws StorageUnavailableError with the driver error as cause`, async () => {
      const { db, close } = openDatabase(url);
      try {
        const storage = kyselyStorage(db);
        const failure = await Promise.resolve()
          .then(() => storage.getLiveSession("a".repeat(64), new Date()))
          .catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(StorageUnavailableError);
        expect((failure as Error).cause).toMatchObject({ code: "ECONNREFUSED" });
        await expect(storage.createUser(makeNewUser())).rejects.toBeInstanceOf(
          StorageUnavailableError,
        );
      } finally {
        await close();
      }
    });

    it(`${name}: the HTTP handler answers 503 ServiceUnavailable, never 500`, async () => {
      const { db, close } = openDatabase(url);
      try {
        const axor = createAxor({
          storage: kyselyStorage(db),
          secret: "s".repeat(32),
          onError: () => {},
        });
        const response = await axor.handle({
          method: "POST",
          path: "/login/",
          headers: { "content-type": "application/json" },
          body: '{"email":"ada@example.com","password":"correct horse"}',
          ip: "127.0.0.1",
          protocol: "http",
        });
        expect(response.status).toBe(503);
        expect(JSON.parse(response.body ?? "")).toMatchObject({ code: "ServiceUnavailable" });
      } finally {
        await close();
      }
    });

    it(`${name}: migrateToLatest throws an Error that says why`, async () => {
      const { db, close } = openDatabase(url);
      try {
        await expect(migrateToLatest(db)).rejects.toThrow(/Axor migration .*ECONNREFUSED/);
      } finally {
        await close();
      }
    });
  }

  it("SQLite: a path that cannot be opened throws StorageUnavailableError", async () => {
    const { db, close } = openDatabase(await folder); // a folder, not a database file
    try {
      const failure = await kyselyStorage(db)
        .getUserById("x")
        .catch((e) => e);
      expect(failure).toBeInstanceOf(StorageUnavailableError);
      expect((failure as Error).cause).toMatchObject({ code: "SQLITE_CANTOPEN" });
    } finally {
      await close();
    }
  });

  it("a closed database throws StorageUnavailableError", async () => {
    const { db, close } = openDatabase(":memory:");
    await migrateToLatest(db);
    const storage = kyselyStorage(db);
    await close();
    await expect(storage.getUserById("x")).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
