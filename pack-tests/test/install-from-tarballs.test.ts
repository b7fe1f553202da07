import { randomUUID } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@axor/kysely";
import { testServerUrl } from "@axor/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAuthRoundTrip } from "../support/auth-round-trip.js";
import { npmInstall, writeFreshApp } from "../support/fresh-app.js";
import { packWorkspacePackages, WORKSPACE_ROOT } from "../support/packed-packages.js";
import { runCommand } from "../support/run-command.js";
import { startApp } from "../support/running-app.js";

const postgresUrl = testServerUrl("AXOR_TEST_POSTGRES_URL", "PostgreSQL");
const SECRET = "pack-test-secret-0123456789abcdefghijklmnop";
const MINUTES = 60_000;

/** The better-sqlite3 the workspace built, whose addon the app reuses (see the SQLite test). */
const workspaceSqlite = join(
  WORKSPACE_ROOT,
  "packages",
  "kysely",
  "node_modules",
  "better-sqlite3",
);

describe("installing the packed packages with npm into a fresh app", {
  timeout: 10 * MINUTES,
}, () => {
  let work = "";
  let app = "";
  let tarballs: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "axor-pack-"));
    app = join(work, "app");
    tarballs = await packWorkspacePackages(work);
    await writeFreshApp(app);
    // No better-sqlite3: the PostgreSQL app must install and run without it.
    await npmInstall(app, [
      ...tarballs,
      "express@^5",
      "@types/express@^5",
      "@types/node@^20",
      "kysely@^0.29",
      "pg@^8",
      "@types/pg@^8",
    ]);
  }, 10 * MINUTES);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("each tarball carries README.md, LICENSE, typed exports and maps with their sources", async () => {
    expect(tarballs.length).toBe(10);
    for (const tarball of tarballs) {
      const listing = await runCommand("tar", ["tzf", tarball], { cwd: work });
      const files = listing.stdout.split("\n").filter(Boolean);
      expect(files, tarball).toContain("package/README.md");
      expect(files, tarball).toContain("package/LICENSE");
      expect(files, tarball).toContain("package/dist/index.d.ts");
      expect(
        files.filter((file) => file.endsWith(".d.ts.map")),
        tarball,
      ).toEqual([]);
      expect(
        files.filter(
          (file) => file.includes("/src/") || (file.endsWith(".ts") && !file.endsWith(".d.ts")),
        ),
        tarball,
      ).toEqual([]);
    }
    const kysely = join(app, "node_modules", "@axor", "kysely");
    const map = JSON.parse(await readFile(join(kysely, "dist", "open-database.js.map"), "utf8"));
    expect(map.sourcesContent?.[0]).toMatch(/export function openDatabase/);
    const manifest = JSON.parse(await readFile(join(kysely, "package.json"), "utf8"));
    expect(manifest.dependencies).not.toHaveProperty("better-sqlite3");
    expect(manifest.peerDependenciesMeta["better-sqlite3"]).toEqual({ optional: true });
  });

  it("type-checks and compiles a file importing every package, with the app's own kysely 0.29", async () => {
    const installed = JSON.parse(
      await readFile(join(app, "node_modules", "kysely", "package.json"), "utf8"),
    );
    expect(installed.version).toMatch(/^0\.29\./);
    // One copy of kysely: @axor/kysely uses the app's (a peer), so the app's Kysely fits.
    await expect(
      stat(join(app, "node_modules", "@axor", "kysely", "node_modules", "kysely")),
    ).rejects.toThrow();
    const tsc = join(WORKSPACE_ROOT, "node_modules", "typescript", "bin", "tsc");
    const compiled = await runCommand(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.code).toBe(0);
  });

  it("CommonJS code can require() every package (Node 20.19+, no flag)", async () => {
    const names = [
      "core",
      "core/storage",
      "core/adapter",
      "express",
      "kysely",
      "node",
      "pages",
      "redis",
      "client",
    ];
    const script = `for (const name of ${JSON.stringify(names)}) {
      const loaded = require("@axor/" + name);
      if (Object.keys(loaded).length === 0) throw new Error("nothing exported by @axor/" + name);
    }
    console.log(typeof require("@axor/core").createAxor);`;
    const run = await runCommand(process.execPath, ["--no-warnings", "-e", script], { cwd: app });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("function");
  });

  describe.skipIf(!postgresUrl)("on PostgreSQL, without better-sqlite3 installed", () => {
    const name = `axor_pack_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = postgresUrl ? openDatabase(postgresUrl) : undefined;

    afterAll(async () => {
      if (!admin) return;
      await sql`drop database if exists ${sql.id(name)}`.execute(admin.db);
      await admin.close();
    });

    it("a SQLite database is refused naming the package to install", async () => {
      await expect(stat(join(app, "node_modules", "better-sqlite3"))).rejects.toThrow();
      const check = await runCommand(process.execPath, ["dist/driver-check.js", "./data/x.db"], {
        cwd: app,
      });
      expect(check.stdout).toMatch(
        /^DatabaseDriverError: .*"better-sqlite3" package .*npm install better-sqlite3/,
      );
    });

    it("serves register, login, me and logout", async () => {
      if (!admin || !postgresUrl) return;
      await sql`create database ${sql.id(name)}`.execute(admin.db);
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      const running = await startApp(app, { AXOR_DATABASE: url.toString(), AXOR_SECRET: SECRET });
      try {
        await expectAuthRoundTrip(running.origin);
      } finally {
        await running.stop();
      }
    });
  });

  describe("on SQLite", () => {
    it("an unbuilt better-sqlite3 is explained (install scripts), not reported as a migration failure", async () => {
      const version = JSON.parse(
        await readFile(join(workspaceSqlite, "package.json"), "utf8"),
      ).version;
      // Without its install script, as npm does for a package its allowScripts does not cover.
      await npmInstall(app, [`better-sqlite3@${version}`], ["--ignore-scripts"]);
      const check = await runCommand(process.execPath, ["dist/driver-check.js", "./data/x.db"], {
        cwd: app,
      });
      expect(check.stdout).toMatch(
        /^DatabaseDriverError: The better-sqlite3 package is installed but its native addon is not built/,
      );
      expect(check.stdout).toMatch(/allowScripts/);
      expect(check.stdout).not.toMatch(/migration/i);
    });

    it("with its addon built, serves register, login, me and logout", async () => {
      // The same version the workspace built for this Node: its addon is what the install
      // script would build (compiling it here would take minutes on a small machine).
      const release = join("build", "Release");
      const addon = join(release, "better_sqlite3.node");
      const target = join(app, "node_modules", "better-sqlite3");
      await runCommand("mkdir", ["-p", join(target, release)], { cwd: app });
      await copyFile(join(workspaceSqlite, addon), join(target, addon));
      const running = await startApp(app, {
        AXOR_DATABASE: join(app, "data", "axor.db"),
        AXOR_SECRET: SECRET,
      });
      try {
        await expectAuthRoundTrip(running.origin);
      } finally {
        await running.stop();
      }
    });
  });
});
