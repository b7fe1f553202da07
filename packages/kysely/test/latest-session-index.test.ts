import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kyselyStorage } from "../src/index.js";
import { migratorFor } from "../src/migrate.js";

/**
 * Migration 0004: the query behind `getLatestSession` (run at every sign-in) is answered from
 * the `(user_id, kind, created_at, id)` index, with no sort of the user's sessions. SQLite's
 * own query plan tells, before and after the migration.
 */
describe("0004_latest_session_index", () => {
  let raw: Database.Database;
  let db: Kysely<any>;
  let executed: CompiledQuery[];

  beforeEach(() => {
    raw = new Database(":memory:");
    executed = [];
    db = new Kysely({
      dialect: new SqliteDialect({ database: raw }),
      log: (event) => {
        if (event.level === "query") executed.push(event.query);
      },
    });
  });
  afterEach(async () => {
    await db.destroy();
  });

  /** SQLite's plan for the query `getLatestSession` runs, one line per step. */
  async function latestSessionPlan(): Promise<string> {
    executed = [];
    await kyselyStorage(db).getLatestSession(randomUUID(), "web");
    const [query] = executed;
    if (!query) throw new Error("getLatestSession ran no query");
    const steps = raw
      .prepare(`explain query plan ${query.sql}`)
      .all(...(query.parameters as unknown[])) as { detail: string }[];
    return steps.map((step) => step.detail).join("\n");
  }

  it("reads the newest session of a kind from the index, without sorting", async () => {
    const migrator = await migratorFor(db, {});
    expect((await migrator.migrateTo("0003_user_fields")).error).toBeUndefined();
    const before = await latestSessionPlan();
    expect(before).toMatch(/USE TEMP B-TREE/);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const after = await latestSessionPlan();
    expect(after).toMatch(/USING (COVERING )?INDEX axor_sessions_user_kind_created_idx/);
    expect(after).not.toMatch(/TEMP B-TREE/);

    expect((await migrator.migrateTo("0003_user_fields")).error).toBeUndefined();
    expect(await latestSessionPlan()).toMatch(/USE TEMP B-TREE/);
  });
});
