import { randomUUID } from "node:crypto";
import { EmailTakenError } from "@axor/core/storage";
import { describeStorageAdapter, makeNewSession, makeNewUser } from "@axor/testing";
import { CamelCasePlugin, DefaultQueryCompiler } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { kyselyStorage, migrateToLatest, migrationStatus } from "../../src/index.js";
import { describeTimestampMigration } from "./describe-timestamp-migration.js";
import type { TestDatabase } from "./test-database.js";

/** A prefix no other test in the run uses, so each test starts from empty tables. */
function freshPrefix(): string {
  return `t${randomUUID().slice(0, 8)}_`;
}

/**
 * Everything this package promises on one database: the conformance suite, then migrations,
 * table prefixes, plugins on the caller's Kysely and the compiled-once session lookup.
 */
export function describeKyselyAdapter(name: string, create: () => Promise<TestDatabase>): void {
  let database: TestDatabase | undefined;
  const db = () => {
    if (!database) throw new Error("the test database is not open");
    return database.opened.db;
  };
  beforeAll(async () => {
    database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  describeStorageAdapter(`kysely on ${name}`, async () => {
    await migrateToLatest(db());
    return { storage: kyselyStorage(db()) };
  });

  describe(`kysely on ${name}: migrations`, () => {
    it("migrateToLatest applies the schema on an empty database, then applies nothing", async () => {
      const options = { tablePrefix: freshPrefix() };
      expect(await migrationStatus(db(), options)).toEqual([
        { name: "0001_initial_schema", appliedAt: null },
        { name: "0002_native_timestamps", appliedAt: null },
        { name: "0003_user_fields", appliedAt: null },
        { name: "0004_latest_session_index", appliedAt: null },
      ]);
      expect(await migrateToLatest(db(), options)).toEqual({
        applied: [
          "0001_initial_schema",
          "0002_native_timestamps",
          "0003_user_fields",
          "0004_latest_session_index",
        ],
      });
      expect(await migrateToLatest(db(), options)).toEqual({ applied: [] });
      for (const state of await migrationStatus(db(), options)) {
        expect(state.appliedAt).toBeInstanceOf(Date);
      }
    });

    it("creates every table and its migration tables under the prefix", async () => {
      const prefix = freshPrefix();
      await migrateToLatest(db(), { tablePrefix: prefix });
      const tables = (await db().introspection.getTables({ withInternalKyselyTables: true }))
        .map((table) => table.name)
        .filter((table) => table.startsWith(prefix))
        .sort();
      expect(tables).toEqual(
        [
          "backup_codes",
          "counters",
          "migrations",
          "migrations_lock",
          "one_time_tokens",
          "security_events",
          "sessions",
          "totp",
          "users",
        ].map((table) => `${prefix}${table}`),
      );
    });

    it("two prefixes in one database keep separate data", async () => {
      const [first, second] = [freshPrefix(), freshPrefix()];
      await migrateToLatest(db(), { tablePrefix: first });
      await migrateToLatest(db(), { tablePrefix: second });
      const storeA = kyselyStorage(db(), { tablePrefix: first });
      const storeB = kyselyStorage(db(), { tablePrefix: second });
      const user = makeNewUser();
      await storeA.createUser(user);
      expect(await storeB.getUserByEmail(user.email)).toBeNull();
      await storeB.createUser({ ...user, id: randomUUID() });
      await expect(storeA.createUser({ ...user, id: randomUUID() })).rejects.toBeInstanceOf(
        EmailTakenError,
      );
    });

    it("rejects a prefix that is not a plain identifier", async () => {
      await expect(migrateToLatest(db(), { tablePrefix: "bad-prefix;" })).rejects.toThrow(
        /tablePrefix/,
      );
      expect(() => kyselyStorage(db(), { tablePrefix: 'x"' })).toThrow(/tablePrefix/);
    });
  });

  describeTimestampMigration(name, db, name !== "SQLite");

  describe(`kysely on ${name}: the caller's Kysely`, () => {
    it("works when the caller's Kysely has CamelCasePlugin", async () => {
      const prefix = freshPrefix();
      const camel = db().withPlugin(new CamelCasePlugin());
      await migrateToLatest(camel, { tablePrefix: prefix });
      const storage = kyselyStorage(camel, { tablePrefix: prefix });
      const user = await storage.createUser(makeNewUser({ isEmailVerified: true }));
      expect(await storage.getUserByEmail(user.email)).toEqual(user);
    });

    it("looks sessions up without building or compiling SQL again", async () => {
      const prefix = freshPrefix();
      await migrateToLatest(db(), { tablePrefix: prefix });
      const storage = kyselyStorage(db(), { tablePrefix: prefix });
      const user = await storage.createUser(makeNewUser());
      const session = makeNewSession(user.id);
      await storage.createSession(session);
      const compile = vi.spyOn(DefaultQueryCompiler.prototype, "compileQuery");
      try {
        for (let i = 0; i < 5; i++) {
          const found = await storage.getLiveSession(session.keyHash, new Date());
          expect(found?.session.id).toBe(session.id);
          await storage.touchSession(session.id, session.expireAt, new Date());
        }
        expect(compile).not.toHaveBeenCalled();
        await storage.getUserById(user.id);
        expect(compile).toHaveBeenCalled();
      } finally {
        compile.mockRestore();
      }
    });
  });
}
