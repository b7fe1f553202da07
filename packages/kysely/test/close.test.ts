import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAxor } from "@axor/core";
import { testServerUrl } from "@axor/testing";
import { CamelCasePlugin, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kyselyStorage, migrateToLatest, openDatabase } from "../src/index.js";
import { freshServerDatabase, POSTGRES_URL_VARIABLE } from "./support/fresh-server-database.js";
import type { TestDatabase } from "./support/test-database.js";

const root = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const script = join(root, "packages/kysely/test/support/close-script.ts");
const secret = "test-secret-test-secret-test-secret!";

/** Runs the script; resolves with its exit code and how long it lived after printing "done". */
function runScript(args: string[], giveUpAfterDoneMs: number) {
  return new Promise<{ code: number | null; afterDoneMs: number; killed: boolean }>((done) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let doneAt: number | undefined;
    let killed = false;
    child.stdout?.on("data", (chunk: Buffer) => {
      if (doneAt === undefined && chunk.toString().includes("done")) {
        doneAt = Date.now();
        setTimeout(() => {
          if (child.exitCode === null) {
            killed = true;
            child.kill();
          }
        }, giveUpAfterDoneMs).unref();
      }
    });
    child.on("exit", (code) => {
      done({ code, afterDoneMs: doneAt === undefined ? -1 : Date.now() - doneAt, killed });
    });
  });
}

const url = testServerUrl(POSTGRES_URL_VARIABLE, "PostgreSQL");

describe.skipIf(!url)(`axor.close() on PostgreSQL (set ${POSTGRES_URL_VARIABLE} to run)`, () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await freshServerDatabase(url ?? "");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("a script that closes Axor ends as soon as its work is done", {
    timeout: 60_000,
  }, async () => {
    const prefix = `c${randomUUID().slice(0, 8)}_`;
    const run = await runScript([database?.url ?? "", prefix], 4_000);
    expect(run).toMatchObject({ code: 0, killed: false });
    expect(run.afterDoneMs).toBeGreaterThanOrEqual(0);
    expect(run.afterDoneMs).toBeLessThan(4_000);
  });

  it("without axor.close() the same script is still running seconds later (the pool holds it)", {
    timeout: 60_000,
  }, async () => {
    const prefix = `c${randomUUID().slice(0, 8)}_`;
    const run = await runScript([database?.url ?? "", prefix, "--no-close"], 4_000);
    expect(run.killed).toBe(true);
  });
});

describe("kyselyStorage(db).close() and axor.close()", () => {
  it("close the database openDatabase opened, once; OpenedDatabase.close after it is harmless", async () => {
    const opened = openDatabase(":memory:");
    await migrateToLatest(opened.db);
    const axor = createAxor({ storage: kyselyStorage(opened.db), secret });
    await axor.close();
    await axor.close();
    await expect(sql`select 1`.execute(opened.db)).rejects.toThrow();
    await expect(opened.close()).resolves.toBeUndefined();
  });

  it("leave a Kysely the app made itself open, unless told ownsDatabase: true", async () => {
    const opened = openDatabase(":memory:");
    const own = opened.db.withPlugin(new CamelCasePlugin()); // not the instance openDatabase made
    await migrateToLatest(own);
    await createAxor({ storage: kyselyStorage(own), secret }).close();
    expect((await sql<{ one: number }>`select 1 as one`.execute(own)).rows).toEqual([{ one: 1 }]);
    await createAxor({ storage: kyselyStorage(own, { ownsDatabase: true }), secret }).close();
    await expect(sql`select 1`.execute(own)).rejects.toThrow();
    await opened.close();
  });
});
