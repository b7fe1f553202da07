import { makeNewSession, makeNewUser } from "@axor/testing";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { kyselyStorage, migrateToLatest, withStatementCache } from "../src/index.js";

describe("withStatementCache", () => {
  const opened: Database.Database[] = [];
  afterEach(() => {
    for (const database of opened.splice(0)) if (database.open) database.close();
  });
  const sqlite = () => {
    const database = new Database(":memory:");
    opened.push(database);
    return database;
  };

  it("prepares each SQL text once and hands the same statement back", () => {
    const database = sqlite();
    const prepare = vi.spyOn(database, "prepare");
    const cached = withStatementCache(database);
    const first = cached.prepare("select 1 as one");
    expect(cached.prepare("select 1 as one")).toBe(first);
    cached.prepare("select 2 as two");
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it("keeps only the most recently used statements", () => {
    const database = sqlite();
    const prepare = vi.spyOn(database, "prepare");
    const cached = withStatementCache(database, 2);
    cached.prepare("select 1");
    cached.prepare("select 2");
    cached.prepare("select 1"); // now "select 2" is the least recently used
    cached.prepare("select 3"); // evicts "select 2"
    cached.prepare("select 1");
    cached.prepare("select 2");
    expect(prepare.mock.calls.map(([text]) => text)).toEqual([
      "select 1",
      "select 2",
      "select 3",
      "select 2",
    ]);
  });

  it("does not share a statement while an iterator over it is open", () => {
    const cached = withStatementCache(sqlite());
    const statement = cached.prepare("select 1 as one union all select 2");
    const iterator = statement.iterate([]);
    iterator.next();
    const other = cached.prepare("select 1 as one union all select 2");
    expect(other).not.toBe(statement);
    expect(other.all([])).toHaveLength(2);
    iterator.return?.();
  });

  it("closes the database", () => {
    const database = sqlite();
    withStatementCache(database).close();
    expect(database.open).toBe(false);
  });

  it("makes repeated session lookups prepare nothing new", async () => {
    const database = sqlite();
    const prepare = vi.spyOn(database, "prepare");
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    await migrateToLatest(db);
    const storage = kyselyStorage(db);
    const user = await storage.createUser(makeNewUser());
    const session = makeNewSession(user.id);
    await storage.createSession(session);
    await storage.getLiveSession(session.keyHash, new Date());
    const prepared = prepare.mock.calls.length;
    for (let i = 0; i < 10; i++) {
      expect(await storage.getLiveSession(session.keyHash, new Date())).not.toBeNull();
    }
    expect(prepare).toHaveBeenCalledTimes(prepared);
    await db.destroy();
  });
});
