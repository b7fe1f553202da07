import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kyselyStorage, migrateToLatest, type OpenedDatabase, openDatabase } from "../src/index.js";

const DAY_MS = 24 * 3600 * 1000;
const KEY = "sqlite-reader-test-key-0123456789";
const KEY_HASH = createHash("sha256").update(KEY).digest("hex");

/** A migrated database with one user and one live app token (KEY). */
async function seeded(url: string) {
  const opened = openDatabase(url);
  await migrateToLatest(opened.db);
  const storage = kyselyStorage(opened.db);
  const now = new Date();
  const user = await storage.createUser({
    id: randomUUID(),
    email: "reader@example.com",
    passwordHash: "$argon2id$test",
    firstName: "Read",
    lastName: "Er",
    timezone: "UTC",
    isActive: true,
    isEmailVerified: true,
    createdAt: now,
    updatedAt: now,
  });
  await storage.createSession({
    id: randomUUID(),
    userId: user.id,
    kind: "app",
    keyHash: KEY_HASH,
    createdAt: now,
    updatedAt: now,
    lastUsedAt: now,
    expireAt: new Date(now.getTime() + DAY_MS),
    ip: null,
    ua: null,
  });
  return { opened, storage, user };
}

describe("the session lookup on a SQLite file opened by openDatabase", () => {
  let folder: string;
  let opened: OpenedDatabase | undefined;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "axor-reader-"));
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  it("reads through its own connection: committed rows only, never waiting for an open transaction", async () => {
    const setup = await seeded(join(folder, "axor.db"));
    opened = setup.opened;
    const { storage } = setup;
    const now = new Date();
    await opened.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("axor_sessions")
        .set({ revoked_at: now.getTime() })
        .where("key_hash", "=", KEY_HASH)
        .execute();
      // Through Kysely's one connection this would wait for the transaction (a deadlock here).
      const during = await storage.getLiveSession(KEY_HASH, now);
      expect(during?.user.email).toBe("reader@example.com");
    });
    expect(await storage.getLiveSession(KEY_HASH, now)).toBeNull();
  });

  it("maps the row read as an array to the same records as the Kysely path", async () => {
    const setup = await seeded(join(folder, "axor.db"));
    opened = setup.opened;
    const now = new Date();
    const viaReader = await setup.storage.getLiveSession(KEY_HASH, now);
    // A Kysely instance with a plugin is another instance: it has no reader of its own.
    const viaKysely = await kyselyStorage(
      opened.db.withPlugin({
        transformQuery: (args) => args.node,
        transformResult: async (args) => args.result,
      }),
    ).getLiveSession(KEY_HASH, now);
    expect(viaReader).not.toBeNull();
    expect(viaReader).toEqual(viaKysely);
    expect(viaReader?.user).toEqual(setup.user);
  });

  it("answers at once from the reader (a value, not a promise); through Kysely with a promise", async () => {
    const setup = await seeded(join(folder, "axor.db"));
    opened = setup.opened;
    const now = new Date();
    const atOnce = setup.storage.getLiveSession(KEY_HASH, now);
    expect(atOnce).not.toBeInstanceOf(Promise);
    expect((atOnce as Awaited<typeof atOnce>)?.user).toEqual(setup.user);
    expect(setup.storage.getLiveSession("f".repeat(64), now)).toBeNull();

    const viaKysely = kyselyStorage(
      opened.db.withPlugin({
        transformQuery: (args) => args.node,
        transformResult: async (args) => args.result,
      }),
    ).getLiveSession(KEY_HASH, now);
    expect(viaKysely).toBeInstanceOf(Promise);
    expect((await viaKysely)?.user).toEqual(setup.user);
  });

  it("close() closes the reader too: a lookup afterwards fails instead of reading", async () => {
    const setup = await seeded(join(folder, "axor.db"));
    await setup.storage.getLiveSession(KEY_HASH, new Date());
    await setup.opened.close();
    await expect(setup.storage.getLiveSession(KEY_HASH, new Date())).rejects.toThrow();
  });

  it("an in-memory database has no second connection and still finds sessions", async () => {
    const setup = await seeded(":memory:");
    opened = setup.opened;
    const found = await setup.storage.getLiveSession(KEY_HASH, new Date());
    expect(found?.user.id).toBe(setup.user.id);
  });
});
