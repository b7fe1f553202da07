import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { explainDriverFailure } from "../src/database-driver.js";
import { DatabaseDriverError, migrateToLatest, migrationStatus } from "../src/index.js";

const BINDINGS_MESSAGE =
  "Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/better_sqlite3.node";

describe("database driver failures", () => {
  it("a missing driver names the package to install", () => {
    const missing = Object.assign(new Error("Cannot find package 'mysql2' imported from x.js"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    const explained = explainDriverFailure("mysql", missing);
    expect(explained).toBeInstanceOf(DatabaseDriverError);
    expect((explained as DatabaseDriverError).driver).toBe("mysql2");
    expect((explained as Error).message).toMatch(/npm install mysql2/);
    expect((explained as Error).cause).toBe(missing);
  });

  it("an unbuilt better-sqlite3 is answered with the install-script advice", () => {
    const explained = explainDriverFailure("sqlite", new Error(BINDINGS_MESSAGE)) as Error;
    expect(explained).toBeInstanceOf(DatabaseDriverError);
    expect(explained.message).toMatch(
      /native addon is not built \(Could not locate the bindings file/,
    );
    expect(explained.message).toMatch(/"allowScripts": \{ "better-sqlite3": true \}/);
    expect(explained.message).toMatch(/pnpm approve-builds/);
    expect(explained.message).toMatch(/C\+\+ toolchain/);
  });

  it("any other error is left as it is", () => {
    const other = Object.assign(new Error("no such table: x"), { code: "SQLITE_ERROR" });
    expect(explainDriverFailure("sqlite", other)).toBe(other);
    const otherModule = Object.assign(new Error("Cannot find package 'left-pad'"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    expect(explainDriverFailure("postgres", otherModule)).toBe(otherModule);
  });

  it("migrateToLatest and migrationStatus pass a driver error through, not as a migration failure", async () => {
    const failing = new DatabaseDriverError("better-sqlite3", "addon not built");
    const db = new Kysely<any>({
      dialect: new SqliteDialect({
        database: async () => {
          throw failing;
        },
      }),
    });
    await expect(migrateToLatest(db)).rejects.toBe(failing);
    await expect(migrationStatus(db)).rejects.toBe(failing);
    await db.destroy().catch(() => {});
  });
});
