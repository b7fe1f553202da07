import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAxor, fetchHandler } from "@axor/core";
import { currentTotpCode } from "@axor/core/storage";
import { testServerUrl } from "@axor/testing";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { djangoAxorJwt } from "../../core/test/support/django-axor-jwt.js";
import {
  type DjangoImportSummary,
  importDjangoAxor,
} from "../src/django-import/import-django-axor.js";
import { kyselyStorage, migrateToLatest } from "../src/index.js";
import {
  createDjangoAxorSchema,
  DJANGO_SECRET_KEY,
  djangoSession,
  djangoTotp,
  djangoUser,
  OLD_PASSWORD,
} from "./support/django-axor-database.js";
import { freshServerDatabase, POSTGRES_URL_VARIABLE } from "./support/fresh-server-database.js";
import { freshSqliteDatabase } from "./support/fresh-sqlite-database.js";
import type { TestDatabase } from "./support/test-database.js";

const url = testServerUrl(POSTGRES_URL_VARIABLE, "PostgreSQL");
const AXOR_SECRET = "axor-secret-for-the-import-test-0123456789";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const BACKUP_CODES = ["a1b2c3d4", "Q9W8E7R6"];
const root = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/** The Django Axor deployment the tests bring over, and what its users hold. */
interface Fixture {
  django: TestDatabase;
  alice: { id: string; email: string; cookieKey: string; appKey: string };
  bob: { email: string };
  erin: { id: string };
}

async function djangoDeployment(serverUrl: string): Promise<Fixture> {
  const django = await freshServerDatabase(serverUrl);
  const db = django.opened.db;
  await createDjangoAxorSchema(db);
  const suffix = Math.random().toString(36).slice(2, 8);
  // Alice: a live session and app token, plus an expired, a logged-out and a revoked one.
  const aliceEmail = `Alice.${suffix}@Example.com`;
  const alice = await djangoUser(db, { email: aliceEmail });
  const cookieKey = await djangoSession(db, alice, "session");
  await djangoSession(db, alice, "session", { expireInDays: -1 });
  await djangoSession(db, alice, "session", { isValid: false });
  const appKey = await djangoSession(db, alice, "app token");
  await djangoSession(db, alice, "app token", { isValid: false });
  // Bob: TOTP on (a backup code already used), and an older disabled setup.
  const bobEmail = `bob.${suffix}@example.com`;
  const bob = await djangoUser(db, { email: bobEmail });
  await djangoTotp(db, bob, {
    secret: "AAAAAAAAAAAAAAAA",
    backupCodes: ["zzzzzzzz"],
    status: "disabled",
  });
  await djangoTotp(db, bob, {
    secret: TOTP_SECRET,
    backupCodes: BACKUP_CODES,
    status: "backup_used",
  });
  // Rows that cannot be converted: no email; TOTP sealed with another SECRET_KEY; a bad key hash.
  await djangoUser(db, { email: null });
  const dave = await djangoUser(db, { email: `dave.${suffix}@example.com` });
  await djangoTotp(db, dave, {
    secret: TOTP_SECRET,
    backupCodes: [],
    status: "enabled",
    secretKey: "another key",
  });
  const erin = await djangoUser(db, { email: `erin.${suffix}@example.com`, isActive: false });
  await djangoSession(db, erin, "session", { keyHash: "not-a-sha256-hex-digest" });
  return {
    django,
    alice: { id: alice, email: aliceEmail.toLowerCase(), cookieKey, appKey },
    bob: { email: bobEmail },
    erin: { id: erin },
  };
}

const FIRST_RUN: DjangoImportSummary = {
  users: { imported: 3, alreadyPresent: 0, skipped: 2 },
  sessions: { imported: 1, alreadyPresent: 0, skipped: 1 },
  appTokens: { imported: 1, alreadyPresent: 0, skipped: 0 },
  totp: { imported: 1, backupCodes: 2 },
};

async function rowCounts(db: Kysely<any>) {
  const count = async (table: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    users: await count("axor_users"),
    sessions: await count("axor_sessions"),
    totp: await count("axor_totp"),
    backupCodes: await count("axor_backup_codes"),
  };
}

/** Axor over the imported database, with the migration window open, behind its HTTP contract. */
function axorOver(db: Kysely<any>) {
  const storage = kyselyStorage(db);
  const axor = createAxor({
    storage,
    secret: AXOR_SECRET,
    rateLimits: false,
    mailer: { send: async () => {} },
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    legacy: { djangoAxor: { secretKey: DJANGO_SECRET_KEY } },
  });
  const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
  const call = (path: string, headers: Record<string, string>, body?: unknown) =>
    handler(
      new Request(`http://localhost/api/user${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  return { storage, call };
}

/** What a signed-in Django Axor user must find after the import. */
async function checkSignedInUsers(db: Kysely<any>, fixture: Fixture) {
  const { storage, call } = axorOver(db);
  const { alice, bob } = fixture;

  const cookie = djangoAxorJwt(DJANGO_SECRET_KEY, "session_key", alice.cookieKey);
  const me = await call("/me/", { cookie: `axor_auth=${cookie}` });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { user: { email: string } }).user.email).toBe(alice.email);
  const setCookies = me.headers.getSetCookie();
  expect(setCookies.find((c) => c.startsWith("axor_session="))).toContain(alice.cookieKey);
  expect(setCookies.find((c) => c.startsWith("axor_auth="))).toMatch(/Max-Age=0/);
  expect((await call("/me/", { cookie: `axor_session=${alice.cookieKey}` })).status).toBe(200);

  const bearer = djangoAxorJwt(DJANGO_SECRET_KEY, "app_token", alice.appKey);
  expect((await call("/me/", { authorization: `Bearer ${bearer}` })).status).toBe(200);
  const forged = djangoAxorJwt("not django's key", "app_token", alice.appKey);
  expect((await call("/me/", { authorization: `Bearer ${forged}` })).status).toBe(401);

  const app = { "x-requested-by": "app" };
  expect((await storage.getUserByEmail(alice.email))?.passwordHash).toMatch(/^\$2b\$/);
  expect((await call("/login/", app, { email: alice.email, password: "wrong" })).status).toBe(401);
  expect((await call("/login/", app, { email: alice.email, password: OLD_PASSWORD })).status).toBe(
    200,
  );
  expect((await storage.getUserByEmail(alice.email))?.passwordHash).toMatch(/^\$argon2id\$/);

  const login = (code?: string) =>
    call("/login/", app, { email: bob.email, password: OLD_PASSWORD, ...(code ? { code } : {}) });
  const noCode = await login();
  expect(((await noCode.json()) as { code: string }).code).toBe("TOTPRequired");
  expect((await login(currentTotpCode(TOTP_SECRET, new Date()))).status).toBe(200);
  expect((await login("Q9W8-E7R6")).status).toBe(200);
  expect((await login("q9w8e7r6")).status).toBe(401);
  expect((await login("zzzzzzzz")).status).toBe(401);
}

describe.skipIf(!url)(
  `import-django-axor (set ${POSTGRES_URL_VARIABLE} to run)`,
  { timeout: 120_000 },
  () => {
    let fixture: Fixture;
    beforeAll(async () => {
      fixture = await djangoDeployment(url ?? "");
    });
    afterAll(async () => fixture?.django.drop());

    it("brings PostgreSQL over to SQLite; a re-run changes nothing, then takes new sessions only", async () => {
      const target = await freshSqliteDatabase();
      try {
        const skipped: string[] = [];
        const progress: number[] = [];
        const run = () =>
          importDjangoAxor({
            from: fixture.django.opened.db,
            to: target.opened.db,
            djangoSecretKey: DJANGO_SECRET_KEY,
            axorSecret: AXOR_SECRET,
            batchSize: 2,
            onSkip: (reason) => skipped.push(reason),
            onProgress: (done, total) => progress.push(done, total),
          });
        expect(await run()).toEqual(FIRST_RUN);
        expect(progress).toEqual([2, 5, 4, 5, 5, 5]);
        expect(skipped).toHaveLength(3);
        expect(skipped.join("\n")).toMatch(/no email address/);
        expect(skipped.join("\n")).toMatch(
          /dave\.\w+@example\.com\) skipped: TOTP secret does not open/,
        );
        expect(skipped.join("\n")).toMatch(
          /session [0-9a-f-]{36}: key is not a SHA-256 hex digest: skipped/,
        );
        const erin = await kyselyStorage(target.opened.db).getUserByEmail(
          (
            await fixture.django.opened.db
              .selectFrom("axor_users")
              .select("email")
              .where("id", "=", fixture.erin.id)
              .executeTakeFirstOrThrow()
          ).email,
        );
        expect(erin?.isActive).toBe(false);
        const counts = await rowCounts(target.opened.db);
        expect(counts).toEqual({ users: 3, sessions: 2, totp: 1, backupCodes: 2 });

        skipped.length = 0;
        expect(await run()).toEqual({
          users: { imported: 0, alreadyPresent: 3, skipped: 2 },
          sessions: { imported: 0, alreadyPresent: 1, skipped: 1 },
          appTokens: { imported: 0, alreadyPresent: 1, skipped: 0 },
          totp: { imported: 0, backupCodes: 0 },
        });
        expect(await rowCounts(target.opened.db)).toEqual(counts);

        await checkSignedInUsers(target.opened.db, fixture);

        // Django kept serving during the window: a new session is brought over, nothing else.
        await djangoSession(fixture.django.opened.db, fixture.alice.id, "session");
        const third = await run();
        expect(third.sessions).toEqual({ imported: 1, alreadyPresent: 1, skipped: 1 });
        expect(third.users.imported).toBe(0);
      } finally {
        await target.drop();
      }
    });

    it("axor-kysely import-django-axor brings it over to PostgreSQL: progress, skips, summary", async () => {
      const target = await freshServerDatabase(url ?? "");
      try {
        const args = ["import-django-axor", "--from", fixture.django.url, "--to", target.url];
        const first = await runCli(
          [...args, "--secret-key", DJANGO_SECRET_KEY, "--batch-size", "2"],
          {
            AXOR_SECRET,
          },
        );
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(/^Users: +3 imported, 0 already there, 2 skipped$/m);
        expect(first.stdout).toMatch(/^App tokens: 1 imported, 0 already there, 0 skipped$/m);
        expect(first.stdout).toMatch(/^TOTP: +1 setups imported, with 2 unused backup codes$/m);
        expect(first.stderr).toMatch(/^\[#{30}\] 100% 5\/5 users$/m);
        expect(first.stderr).toMatch(/skipped: has no email address/);
        await checkSignedInUsers(target.opened.db, fixture);

        const again = await runCli([...args, "--secret-key", DJANGO_SECRET_KEY], { AXOR_SECRET });
        expect(again.stdout).toMatch(/^Users: +0 imported, 3 already there, 2 skipped$/m);

        const usage = await runCli([...args, "--secret-key", DJANGO_SECRET_KEY], {
          AXOR_SECRET: "",
        });
        expect(usage.code).toBe(1);
        expect(usage.stderr).toMatch(/--secret-key needs --axor-secret/);
      } finally {
        await target.drop();
      }
    });

    it("a user whose rows cannot all be written is skipped whole: no user row without its session", async () => {
      const target = await freshSqliteDatabase();
      try {
        const { db } = target.opened;
        await migrateToLatest(db);
        // Another Axor user's session already holds the hash of Alice's live session key.
        const taken = createHash("sha256").update(fixture.alice.cookieKey).digest("hex");
        await db
          .insertInto("axor_sessions")
          .values({
            id: "00000000-0000-4000-8000-000000000000",
            user_id: "00000000-0000-4000-8000-000000000001",
            kind: "web",
            key_hash: taken,
            created_at: 0,
            updated_at: 0,
            last_used_at: 0,
            expire_at: Date.now() + 86_400_000,
            revoked_at: null,
            ip: null,
            ua: null,
          })
          .execute();
        const skipped: string[] = [];
        const summary = await importDjangoAxor({
          from: fixture.django.opened.db,
          to: db,
          djangoSecretKey: DJANGO_SECRET_KEY,
          axorSecret: AXOR_SECRET,
          onSkip: (reason) => skipped.push(reason),
        });
        expect(summary.users).toEqual({ imported: 2, alreadyPresent: 0, skipped: 3 });
        expect(skipped.join("\n")).toMatch(
          new RegExp(`user ${fixture.alice.id} skipped: could not be written \\(nothing was\\)`),
        );
        const storage = kyselyStorage(db);
        expect(await storage.getUserByEmail(fixture.alice.email)).toBeNull();
        expect(await storage.getUserByEmail(fixture.bob.email)).not.toBeNull();
      } finally {
        await target.drop();
      }
    });

    it("without --secret-key, users with TOTP on are skipped rather than stripped of it", async () => {
      const target = await freshSqliteDatabase();
      try {
        const skipped: string[] = [];
        const summary = await importDjangoAxor({
          from: fixture.django.opened.db,
          to: target.opened.db,
          onSkip: (reason) => skipped.push(reason),
        });
        expect(summary.users).toEqual({ imported: 2, alreadyPresent: 0, skipped: 3 });
        expect(skipped.filter((reason) => /give --secret-key/.test(reason))).toHaveLength(2);
      } finally {
        await target.drop();
      }
    });
  },
);

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(root, "packages/kysely/src/cli.ts"), ...args],
      { cwd: root, env: { ...process.env, AXOR_DATABASE: "", DJANGO_SECRET_KEY: "", ...env } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
