import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Secret } from "otpauth";
import { afterEach, describe, expect, it } from "vitest";
import {
  kyselyStorage,
  migrateToLatest,
  type OpenedDatabase,
  openDatabase,
} from "../../kysely/src/index.js";
import { type ClientInfo, createAxor } from "../src/index.js";
import { currentTotpCode } from "../src/totp/totp-code.js";
import { uniqueEmail, webClient } from "./test-axor.js";

const password = "correct horse battery";

/** Every spelling of a backup code a careless store might keep: as shown, without dashes, any case. */
const backupCodeForms = (code: string) => [code, code.replace(/-/g, "")];

/** Every spelling of the TOTP secret: base32 (any case), its bytes in hex and base64. */
function secretForms(base32: string): string[] {
  const bytes = Buffer.from(Secret.fromBase32(base32).bytes);
  return [base32, base32.replace(/=+$/, ""), bytes.toString("hex"), bytes.toString("base64")];
}

/** Every row of every `axor_` table, as one lower-cased text (binary values in hex and base64). */
async function dumpTables(db: OpenedDatabase["db"]): Promise<string> {
  const schema: { name: string }[] = await db
    .selectFrom("sqlite_master")
    .select("name")
    .where("type", "=", "table")
    .execute();
  const tables = schema.map((table) => table.name).filter((name) => name.startsWith("axor_"));
  expect(tables).toEqual(expect.arrayContaining(["axor_users", "axor_totp", "axor_backup_codes"]));
  const parts: string[] = [];
  for (const name of tables) {
    const rows: Record<string, unknown>[] = await db.selectFrom(name).selectAll().execute();
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value instanceof Uint8Array) {
          const buffer = Buffer.from(value);
          parts.push(buffer.toString("hex"), buffer.toString("base64"), buffer.toString("latin1"));
        } else {
          parts.push(String(value));
        }
      }
    }
  }
  return parts.join("\n").toLowerCase();
}

function expectAbsent(haystack: string, needles: string[], where: string): void {
  for (const needle of needles) {
    expect(haystack.includes(needle.toLowerCase()), `${where} holds ${needle}`).toBe(false);
  }
}

describe("TOTP state at rest (kysely, SQLite)", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it("stores neither the TOTP secret nor any backup code in any table, through every flow", async () => {
    const folder = await mkdtemp(join(tmpdir(), "axor-totp-at-rest-"));
    const opened = openDatabase(join(folder, "axor.db"));
    let closed = false;
    cleanup = async () => {
      if (!closed) await opened.close();
      await rm(folder, { recursive: true, force: true });
    };
    await migrateToLatest(opened.db);
    let clock = Date.now();
    const axor = createAxor({
      storage: kyselyStorage(opened.db),
      secret: "test-secret-test-secret-test-secret!",
      rateLimits: false,
      mailer: { send: async () => {} },
      argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
      now: () => new Date(clock),
    });
    const email = uniqueEmail();
    const { key } = await axor.register(
      { email, password, first_name: "Ada", last_name: "Lovelace" },
      webClient,
    );
    const client: ClientInfo = { ...webClient, credential: { source: "cookie", key } };
    const nextCode = (secret: string) => {
      clock += 30_000;
      return currentTotpCode(secret, new Date(clock));
    };

    const needles: string[] = [];
    const check = async (where: string) => {
      const dump = await dumpTables(opened.db);
      expect(dump).toContain(email); // the dump does see what is stored
      expectAbsent(dump, needles, where);
    };

    // A first setup, left unconfirmed and replaced by a second one.
    const abandoned = await axor.initTotp(client);
    needles.push(...secretForms(abandoned.key), ...abandoned.backup_codes.flatMap(backupCodeForms));
    await check("the database after totp/init/");

    const setup = await axor.initTotp(client);
    needles.push(...secretForms(setup.key), ...setup.backup_codes.flatMap(backupCodeForms));
    await axor.enableTotp({ code: nextCode(setup.key) }, client);
    expect((await axor.currentUser(client))?.totp_enabled).toBe(true);
    await check("the database after totp/enable/");

    await axor.login({ email, password, code: nextCode(setup.key) }, webClient);
    await axor.login({ email, password, code: setup.backup_codes[0] as string }, webClient);
    const renewed = await axor.newBackupCodes({ code: nextCode(setup.key) }, client);
    expect(renewed).toHaveLength(10);
    needles.push(...renewed.flatMap(backupCodeForms));
    await check("the database after totp/new-backup-codes/");

    await axor.disableTotp({ code: renewed[0] as string }, client);
    expect((await axor.currentUser(client))?.totp_enabled).toBe(false);
    await check("the database after totp/disable/");

    // The file itself (and any journal beside it), byte for byte, after a checkpointing close.
    await opened.close();
    closed = true;
    const files = await readdir(folder);
    expect(files).toContain("axor.db");
    for (const file of files) {
      const bytes = await readFile(join(folder, file));
      expectAbsent(bytes.toString("latin1").toLowerCase(), needles, file);
    }
  });

  it("names the app in the provision URI with the appName option, encoded", async () => {
    const opened = openDatabase(":memory:");
    cleanup = () => opened.close();
    await migrateToLatest(opened.db);
    const axor = createAxor({
      storage: kyselyStorage(opened.db),
      secret: "test-secret-test-secret-test-secret!",
      rateLimits: false,
      mailer: { send: async () => {} },
      argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
      appName: "Acme & Co",
    });
    const email = uniqueEmail();
    const { key } = await axor.register(
      { email, password, first_name: "Ada", last_name: "Lovelace" },
      webClient,
    );
    const { provision, key: secret } = await axor.initTotp({
      ...webClient,
      credential: { source: "cookie", key },
    });
    const uri = new URL(provision);
    expect(uri.searchParams.get("issuer")).toBe("Acme & Co");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toBe(`/Acme & Co:${email}`);
    expect(provision).not.toMatch(/ |&Co|@/);
  });
});
