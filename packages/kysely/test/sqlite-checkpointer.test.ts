import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type OpenedDatabase, openDatabase } from "../src/index.js";
import { CHECKPOINT_INTERVAL_MS, SqliteCheckpointer } from "../src/sqlite-checkpointer.js";

const PAGE = 4096;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the database file itself holds every page (the table's new pages included):
 * only a checkpoint copies them out of the WAL, and the main connection makes none. So the
 * thread is running, however long a loaded machine took to start it.
 */
async function threadCheckpointed(db: OpenedDatabase["db"], path: string) {
  const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
  const pages = rows[0]?.page_count ?? 0;
  for (let waited = 0; statSync(path).size < pages * PAGE; waited += 50) {
    if (waited > 30_000) throw new Error("no checkpoint in 30 s: the thread is not running");
    await pause(50);
  }
}

describe("WAL checkpoints of a SQLite file opened by openDatabase", () => {
  let folder: string;
  let opened: OpenedDatabase | undefined;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "axor-checkpoint-"));
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  it("are made by a thread, not by the commits on the event loop, and keep the WAL small", async () => {
    const path = join(folder, "axor.db");
    opened = openDatabase(path);
    const { db } = opened;
    await sql`create table filler (body blob not null)`.execute(db);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
      db,
    );
    expect(rows[0]?.wal_autocheckpoint).toBe(0);
    await threadCheckpointed(db, path);

    // 2,400 commits of a page-sized row, spread over six checkpoint intervals: each writes at
    // least two pages (the row's and the table's), so with no checkpoint at all the WAL would
    // hold 4,800 pages or more.
    const batches = 12;
    const interval = CHECKPOINT_INTERVAL_MS / 2;
    for (let batch = 0; batch < batches; batch++) {
      for (let i = 0; i < 200; i++) {
        await sql`insert into filler (body) values (zeroblob(${PAGE - 100}))`.execute(db);
      }
      await pause(interval);
    }
    await pause(CHECKPOINT_INTERVAL_MS * 2);
    const walPages = statSync(`${path}-wal`).size / PAGE;
    expect(walPages).toBeLessThan(batches * 200);
    // Nothing was lost on the way: every row is in the file.
    const count = await sql<{ n: number }>`select count(*) as n from filler`.execute(db);
    expect(count.rows[0]?.n).toBe(batches * 200);
  });

  it("stop with close: the last connection checkpoints and removes the WAL", async () => {
    const path = join(folder, "axor.db");
    opened = openDatabase(path);
    await sql`create table t (x integer)`.execute(opened.db);
    await sql`insert into t (x) values (1)`.execute(opened.db);
    expect(existsSync(`${path}-wal`)).toBe(true);
    await opened.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = new Database(path, { readonly: true });
    expect(reopened.prepare("select x from t").get()).toEqual({ x: 1 });
    reopened.close();
  });

  it("fall back to SQLite's own checkpoints when the thread cannot run", async () => {
    const main = new Database(":memory:");
    main.pragma("wal_autocheckpoint = 0");
    const checkpointer = new SqliteCheckpointer();
    // The thread cannot open a file in a folder that does not exist, so it ends at once.
    checkpointer.start(join(folder, "missing", "axor.db"), main);
    expect(main.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    for (let i = 0; i < 100 && checkpointer.running; i++) await pause(20);
    expect(checkpointer.running).toBe(false);
    expect(main.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    await checkpointer.stop();
    main.close();
  });
});
