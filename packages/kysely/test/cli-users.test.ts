import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { testServerUrl } from "@axor/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshServerDatabase, POSTGRES_URL_VARIABLE } from "./support/fresh-server-database.js";
import { freshSqliteDatabase } from "./support/fresh-sqlite-database.js";
import type { TestDatabase } from "./support/test-database.js";

const root = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
/** The built CLI, as `npx axor-kysely` runs it (`pnpm build` makes it). */
const cli = join(root, "packages/kysely/dist/cli.js");

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], stdin?: string): Promise<CliRun> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd: root, env: { ...process.env, AXOR_DATABASE: "" } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? "");
  });
}

const noStack = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at /);

function describeUsersCli(name: string, create: () => Promise<TestDatabase>) {
  describe(`axor-kysely users and cleanup on ${name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase | undefined;
    const url = () => database?.url ?? "";
    const cliOn = (args: string[], stdin?: string) => runCli([...args, "-d", url()], stdin);
    beforeAll(async () => {
      expect(existsSync(cli), `${cli} is missing: run pnpm build first`).toBe(true);
      database = await create();
      expect((await cliOn(["migrate"])).code).toBe(0);
    });
    afterAll(async () => database?.drop());

    it("creates the first admin with a password from stdin, then lists them", async () => {
      const created = await cliOn(
        [
          "users",
          "create",
          "--email",
          "Admin@Example.com",
          "--first-name",
          "Site",
          "--last-name",
          "Admin",
          "--verified",
          "--password-stdin",
        ],
        "correct horse battery\n",
      );
      expect(created).toMatchObject({ code: 0, stderr: "" });
      expect(created.stdout).toMatch(/^Created user [0-9a-f-]{36} <admin@example\.com>\.\n$/);

      const listed = await cliOn(["users", "list", "--json"]);
      expect(listed.code).toBe(0);
      const page = JSON.parse(listed.stdout);
      expect(page).toMatchObject({ total: 1, offset: 0, limit: 50 });
      expect(page.users[0]).toMatchObject({
        email: "admin@example.com",
        first_name: "Site",
        is_active: true,
        is_email_verified: true,
      });
      const text = await cliOn(["users", "list", "--search", "ADMIN"]);
      expect(text.stdout).toMatch(/admin@example\.com {2}Site Admin {2}active,verified/);
      expect(text.stdout).toMatch(/Users 1-1 of 1\./);
    });

    it("creates a magic-link-only user; a taken email or bad fields fail with exit 1 and no stack", async () => {
      const magic = await cliOn([
        "users",
        "create",
        "--email",
        "magic@example.com",
        "--first-name",
        "M",
        "--last-name",
        "L",
      ]);
      expect(magic.stdout).toMatch(/no password: magic link only/);
      const taken = await cliOn([
        "users",
        "create",
        "--email",
        "magic@example.com",
        "--first-name",
        "M",
        "--last-name",
        "L",
      ]);
      expect(taken).toMatchObject({ code: 1, stdout: "" });
      expect(taken.stderr).toBe("axor-kysely: A user with this email already exists.\n");
      const bad = await cliOn(
        ["users", "create", "--email", "nope", "--last-name", "L", "--password-stdin"],
        "short",
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/--email: Enter a valid email address\./);
      expect(bad.stderr).toMatch(/--first-name: This field is required\./);
      noStack(bad);
    });

    it("disables, enables and deletes by email or id; an unknown user is exit 1", async () => {
      await cliOn([
        "users",
        "create",
        "--email",
        "mallory@example.com",
        "--first-name",
        "M",
        "--last-name",
        "X",
      ]);
      const disabled = await cliOn(["users", "disable", "mallory@example.com"]);
      expect(disabled).toMatchObject({ code: 0, stderr: "" });
      const id = /user ([0-9a-f-]{36})/.exec(disabled.stdout)?.[1] ?? "";
      const listed = await cliOn(["users", "list", "--search", "mallory"]);
      expect(listed.stdout).toMatch(/mallory@example\.com {2}M X {2}disabled/);
      expect((await cliOn(["users", "enable", id])).stdout).toMatch(/^Enabled user/);
      expect((await cliOn(["users", "delete", id, "--purge-events"])).stdout).toMatch(
        /^Deleted user .* and their security events\.\n$/,
      );
      const gone = await cliOn(["users", "delete", "mallory@example.com"]);
      expect(gone).toEqual({
        code: 1,
        stdout: "",
        stderr: "axor-kysely: no user has the email mallory@example.com\n",
      });
      const missing = await cliOn(["users", "disable"]);
      expect(missing.stderr).toMatch(
        /users disable needs a user id or email\nRun axor-kysely --help/,
      );
    });

    it("cleanup runs and reports what it deleted", async () => {
      const run = await cliOn(["cleanup", "--batch-size", "100"]);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toMatch(
        /^Deleted \d+ sessions and tokens, \d+ one-time tokens, \d+ rate-limit counters in \d+ batches\.\n$/,
      );
    });
  });
}

describe("axor-kysely users: the command line", { timeout: 180_000 }, () => {
  it("refuses wrong subcommands, options and numbers with a pointer to --help", async () => {
    for (const args of [
      ["users"],
      ["users", "frobnicate"],
      ["users", "list", "--email", "x"],
      ["users", "list", "--limit", "ten"],
      ["cleanup", "--batch-size", "-5"],
      ["users", "enable", "a@example.com", "extra"],
    ]) {
      const run = await runCli([...args, "-d", ":memory:"]);
      expect(run, args.join(" ")).toMatchObject({ code: 1, stdout: "" });
      expect(run.stderr, args.join(" ")).toMatch(/--help for usage/);
    }
    const tooMany = await runCli(["users", "list", "--limit", "5000", "-d", ":memory:"]);
    expect(tooMany.stderr).toMatch(/--limit: Ensure this value is less than or equal to 1000\./);
    expect(tooMany.stderr).not.toMatch(/--help/);
  });
});

describeUsersCli("SQLite", freshSqliteDatabase);

const postgres = testServerUrl(POSTGRES_URL_VARIABLE, "PostgreSQL");
describe.skipIf(!postgres)(`PostgreSQL (set ${POSTGRES_URL_VARIABLE} to run)`, () => {
  describeUsersCli("PostgreSQL", () => freshServerDatabase(postgres ?? ""));
});
