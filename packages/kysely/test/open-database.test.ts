import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/index.js";

describe("openDatabase", () => {
  const folder = mkdtemp(join(tmpdir(), "axor-open-"));
  afterAll(async () => rm(await folder, { recursive: true, force: true }));

  it.each([
    ["postgres://u:p@db.internal:5432/app", "postgres"],
    ["postgresql://u@db.internal/app", "postgres"],
    ["mysql://root@db.internal:3306/app", "mysql"],
    ["mariadb://root@db.internal/app", "mysql"],
    [":memory:", "sqlite"],
    ["./data/axor.db", "sqlite"],
    ["C:\\data\\axor.db", "sqlite"],
  ] as const)("%s opens a %s database (connecting lazily)", async (url, dialect) => {
    const opened = openDatabase(url);
    expect(opened.dialect).toBe(dialect);
    await opened.close();
  });

  it.each([
    ["", /empty string/],
    ["   ", /empty string/],
    ["redis://:secret@cache:6379", /a redis:\/\/ URL/],
    ["http://example.com/db", /a http:\/\/ URL/],
    ["postgres://[broken", /a malformed postgres:\/\/ URL/],
  ])("rejects %j with an error naming its kind", (url, message) => {
    expect(() => openDatabase(url)).toThrow(message);
    expect(() => openDatabase(url)).toThrow(/expected a SQLite file path/);
  });

  it.each([
    [{ poolSize: 0 }, /"poolSize"/],
    [{ statementTimeoutSeconds: -1 }, /"statementTimeoutSeconds"/],
    [{ connectTimeoutSeconds: "5" }, /"connectTimeoutSeconds": must be a number of seconds/],
    [{ busyTimeoutSeconds: 7200 }, /"busyTimeoutSeconds"/],
  ])("a wrong option %o throws at once, naming it", (options, message) => {
    expect(() => openDatabase(":memory:", options as never)).toThrow(message);
  });

  it("never repeats a password from the value in its error", () => {
    expect(() => openDatabase("redis://:hunter2@cache:6379")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });

  it("creates the missing folders of a SQLite path and enables WAL", async () => {
    const path = join(await folder, "a", "b", "axor.db");
    const { db, close } = openDatabase(path);
    try {
      const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(rows[0]?.journal_mode).toBe("wal");
      const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
      expect(timeout.rows[0]?.timeout).toBeGreaterThan(0);
      expect(existsSync(path)).toBe(true);
    } finally {
      await close();
    }
  });

  it("opens a file:// URL as a SQLite path", async () => {
    const path = join(await folder, "from-url.db");
    const { db, dialect, close } = openDatabase(pathToFileURL(path).href);
    try {
      expect(dialect).toBe("sqlite");
      await sql`select 1`.execute(db);
      expect(existsSync(path)).toBe(true);
    } finally {
      await close();
    }
  });
});
