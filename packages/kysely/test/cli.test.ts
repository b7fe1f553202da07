import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const cli = join(root, "packages/kysely/src/cli.ts");

/** What `migrate` prints on an empty database. */
const ALL_APPLIED =
  "Applied 0001_initial_schema\nApplied 0002_native_timestamps\nApplied 0003_user_fields\n" +
  "Applied 0004_latest_session_index\n";

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source as a child process, from the workspace root (where tsx lives). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", cli, ...args],
      { cwd: root, env: { ...process.env, AXOR_DATABASE: "", ...env } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("axor-kysely CLI", { timeout: 180_000 }, () => {
  const folder = mkdtemp(join(tmpdir(), "axor-cli-"));
  afterAll(async () => rm(await folder, { recursive: true, force: true }));

  it("migrate applies the schema once; status exits 2 while pending, 0 once applied", async () => {
    const database = join(await folder, "data", "cli.db");
    const before = await runCli(["status", "--database", database]);
    expect(before).toMatchObject({ code: 2, stderr: "" });
    expect(before.stdout).toMatch(/pending\s+0001_initial_schema/);
    expect(before.stdout).toMatch(/pending\s+0002_native_timestamps/);
    expect(before.stdout).toMatch(/pending\s+0003_user_fields/);
    expect(before.stdout).toMatch(/pending\s+0004_latest_session_index/);
    expect(before.stdout).toMatch(/^4 pending\.$/m);

    const first = await runCli(["migrate", "--database", database]);
    expect(first).toEqual({ code: 0, stdout: ALL_APPLIED, stderr: "" });
    const second = await runCli(["migrate", "-d", database]);
    expect(second).toEqual({ code: 0, stdout: "Already up to date.\n", stderr: "" });

    const after = await runCli(["status", "--database", database]);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^applied \d{4}-\d\d-\d\dT[\d:.]+Z\s+0001_initial_schema$/m);
    expect(after.stdout).toMatch(/Up to date\./);
  });

  it("reads AXOR_DATABASE when --database is absent, and honours --prefix", async () => {
    const database = join(await folder, "env.db");
    const migrated = await runCli(["migrate", "--prefix", "other_"], { AXOR_DATABASE: database });
    expect(migrated).toMatchObject({ code: 0, stdout: ALL_APPLIED });
    const otherPrefix = await runCli(["status", "-p", "other_"], { AXOR_DATABASE: database });
    expect(otherPrefix).toMatchObject({ code: 0, stderr: "" });
    const defaultPrefix = await runCli(["status"], { AXOR_DATABASE: database });
    expect(defaultPrefix.code).toBe(2);
    expect(defaultPrefix.stdout).toMatch(/pending\s+0001_initial_schema/);
  });

  it("a bad --database fails with exit code 1 and one line on stderr, no stack", async () => {
    const run = await runCli(["migrate", "--database", "redis://:secret@cache:6379"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^axor-kysely: Unsupported database: a redis:\/\/ URL/);
    expect(run.stderr).not.toMatch(/secret|\n\s+at /);
  });

  it("an unreachable server fails with exit code 1 and the reason", async () => {
    const run = await runCli(["migrate", "-d", "postgres://postgres@127.0.0.1:1/axor"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("missing --database, unknown commands and options fail with exit code 1", async () => {
    const wrong = [["migrate"], ["frobnicate", "-d", ":memory:"], ["migrate", "--nope"], []];
    const runs = await Promise.all(wrong.map((args) => runCli(args)));
    expect(runs[0]?.stderr).toMatch(/missing --database \(or the AXOR_DATABASE variable\)/);
    for (const [index, run] of runs.entries()) {
      const args = wrong[index]?.join(" ");
      expect(run, args).toMatchObject({ code: 1, stdout: "" });
      expect(run.stderr, args).toMatch(/--help for usage/);
    }
  });

  it("--help prints the usage and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Usage: axor-kysely <command>/);
    expect(run.stdout).toMatch(/--database/);
    expect(run.stdout).toMatch(/AXOR_DATABASE/);
  });
});
