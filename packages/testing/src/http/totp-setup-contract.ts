import type { SecurityEvent } from "@axor/core";
import { currentTotpCode, normalizeBackupCode } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { type RegisterFields, registerAccount } from "./contract-accounts.js";
import type { ContractClient } from "./contract-client.js";
import type { ContractResponse } from "./contract-response.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";

/** `totp/init/`'s 201 body. */
interface TotpSetupBody {
  key: string;
  provision: string;
  backup_codes: string[];
}

const init = (client: ContractClient) => client.post("totp/init/");
const enable = (client: ContractClient, json: unknown) => client.post("totp/enable/", json);
const disable = (client: ContractClient, json: unknown, headers?: Record<string, string>) =>
  client.send("PUT", "totp/disable/", headers ? { json, headers } : { json });
const newBackupCodes = (client: ContractClient, json: unknown) =>
  client.post("totp/new-backup-codes/", json);

async function expectSetup(response: ContractResponse): Promise<TotpSetupBody> {
  expect(response.status, response.text).toBe(201);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = response.body as TotpSetupBody;
  expect(Object.keys(body).sort()).toEqual(["backup_codes", "key", "provision"]);
  return body;
}

function expectBackupCodes(codes: unknown): string[] {
  expect(Array.isArray(codes)).toBe(true);
  const list = codes as string[];
  expect(list).toHaveLength(10);
  expect(new Set(list.map(normalizeBackupCode)).size).toBe(10);
  for (const code of list) {
    expect(code).toBeTypeOf("string");
    expect(code).not.toMatch(/^\d{6}$/);
    // >= 80 bits: at least 16 symbols of a 32-symbol alphabet once dashes are dropped.
    expect(normalizeBackupCode(code)).toMatch(/^[0-9a-z]{16,}$/);
  }
  return list;
}

async function expectTotpEnabled(client: ContractClient, enabled: boolean): Promise<void> {
  const me = await client.get("me/");
  expect(me.status, me.text).toBe(200);
  expect((me.body as { user: { totp_enabled: boolean } }).user.totp_enabled).toBe(enabled);
}

/** A 6-digit code valid nowhere in the accepted window (one step either side) around `at`. */
function wrongCode(key: string, at: Date): string {
  const valid = [-30_000, 0, 30_000].map((offset) =>
    currentTotpCode(key, new Date(at.getTime() + offset)),
  );
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.includes(code)) as string;
}

/**
 * `totp/init/`, `totp/enable/`, `totp/disable/`, `totp/new-backup-codes/`: the whole 2FA life
 * cycle in both client modes, every error body, the shared 2FA lock, single use of backup codes
 * under 20 parallel requests, auth and CSRF.
 */
export function describeTotpSetupContract(start: StartContractServer): void {
  describe("totp/ endpoints", () => {
    const clock = new FakeClock();
    const events: SecurityEvent[] = [];
    const ctx = useContractServer(
      start,
      { now: () => clock.now(), onEvent: (event) => events.push(event) },
      () => clock.now(),
    );
    /** The code of `key` in a time step no earlier request used. */
    const freshCode = (key: string) => {
      clock.advanceSeconds(30);
      return currentTotpCode(key, clock.now());
    };
    const loginWith = (fields: RegisterFields, code?: string) =>
      ctx
        .client("app")
        .post(
          "login/",
          code === undefined
            ? { email: fields.email, password: fields.password }
            : { email: fields.email, password: fields.password, code },
        );
    /** A signed-in client whose account has 2FA on, through the endpoints. */
    async function accountWithTotp(mode: "web" | "app" = "web") {
      const client = ctx.client(mode);
      const { fields, body } = await registerAccount(client);
      const setup = await expectSetup(await init(client));
      const enabled = await enable(client, { code: freshCode(setup.key) });
      expect(enabled.status, enabled.text).toBe(204);
      return { client, fields, setup, userId: body.user.id };
    }

    for (const mode of ["web", "app"] as const) {
      it(`init, enable, log in with a code and a backup code, renew the codes, disable (${mode})`, async () => {
        const client = ctx.client(mode);
        const { fields, body: registered } = await registerAccount(client);
        const userId = registered.user.id;

        const setup = await expectSetup(await init(client));
        await expectTotpEnabled(client, false); // nothing changes before the code confirms it
        expect((await loginWith(fields)).status).toBe(200);

        const enableCode = freshCode(setup.key);
        const enabled = await enable(client, { code: enableCode });
        expect(enabled.status, enabled.text).toBe(204);
        expect(enabled.text).toBe("");
        await expectTotpEnabled(client, true);

        const required = expectProblem(await loginWith(fields), "login/", "TOTPRequired");
        expect(required).toEqual({
          title: "2FA code is required",
          detail: "TOTP token is required.",
          status: "401",
          code: "TOTPRequired",
          instance: required.instance,
        });
        const incorrect = expectProblem(
          await loginWith(fields, wrongCode(setup.key, clock.now())),
          "login/",
          "TOTPIncorrect",
        );
        expect(incorrect).toEqual({
          title: "2FA code is incorrect",
          detail: "Provided TOTP code or backup code is incorrect. Please try again.",
          status: "401",
          code: "TOTPIncorrect",
          instance: incorrect.instance,
        });
        // The code that enabled 2FA was used: it is never accepted again.
        expectProblem(await loginWith(fields, enableCode), "login/", "TOTPIncorrect");
        const withCode = await loginWith(fields, freshCode(setup.key));
        expect(withCode.status, withCode.text).toBe(200);

        const [backup, oldUnused] = setup.backup_codes as [string, string];
        expect((await loginWith(fields, backup)).status).toBe(200);
        expectProblem(await loginWith(fields, backup), "login/", "TOTPIncorrect");

        const renewed = await newBackupCodes(client, { code: freshCode(setup.key) });
        expect(renewed.status, renewed.text).toBe(200);
        expect(Object.keys(renewed.body as object)).toEqual(["backup_codes"]);
        const fresh = expectBackupCodes((renewed.body as { backup_codes: unknown }).backup_codes);
        expect(fresh.map(normalizeBackupCode)).not.toContain(normalizeBackupCode(oldUnused));
        expectProblem(await loginWith(fields, oldUnused), "login/", "TOTPIncorrect");
        expect((await loginWith(fields, fresh[0])).status).toBe(200);

        const disabled = await disable(client, { code: fresh[1] });
        expect(disabled.status, disabled.text).toBe(204);
        await expectTotpEnabled(client, false);
        const plain = await loginWith(fields);
        expect(plain.status, plain.text).toBe(200);
        expect((plain.body as { user: { totp_enabled: boolean } }).user.totp_enabled).toBe(false);

        const types = events.filter((event) => event.userId === userId).map((event) => event.type);
        expect(types).toEqual(
          expect.arrayContaining(["totp_enabled", "totp_backup_codes_renewed", "totp_disabled"]),
        );
      });
    }

    it("init answers 201 with a 160-bit base32 key, its otpauth:// URI and 10 backup codes", async () => {
      const client = ctx.client("app");
      const { fields } = await registerAccount(client);
      const setup = await expectSetup(await init(client));
      expect(setup.key).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL(setup.provision);
      expect(uri.protocol).toBe("otpauth:");
      expect(uri.host).toBe("totp");
      expect(decodeURIComponent(uri.pathname)).toBe(`/Axor:${fields.email}`);
      expect(uri.pathname).not.toContain("@"); // the label is percent-encoded
      expect(Object.fromEntries(uri.searchParams)).toEqual({
        issuer: "Axor",
        secret: setup.key,
        algorithm: "SHA1",
        digits: "6",
        period: "30",
      });
      expectBackupCodes(setup.backup_codes);
    });

    it("init replaces an unconfirmed setup: the earlier key and backup codes die", async () => {
      const client = ctx.client();
      const { fields } = await registerAccount(client);
      const first = await expectSetup(await init(client));
      const second = await expectSetup(await init(client));
      expect(second.key).not.toBe(first.key);

      const code = freshCode(first.key);
      if (code !== currentTotpCode(second.key, clock.now())) {
        expectProblem(await enable(client, { code }), "totp/enable/", "InvalidTOTPToken");
      }
      expect((await enable(client, { code: freshCode(second.key) })).status).toBe(204);
      expectProblem(await loginWith(fields, first.backup_codes[0]), "login/", "TOTPIncorrect");
      expect((await loginWith(fields, second.backup_codes[0])).status).toBe(200);
    });

    it("init answers 400 TOTPAlreadyEnabledOnInit when 2FA is on, and changes nothing", async () => {
      const { client, fields, setup } = await accountWithTotp("app");
      expectProblem(await init(client), "totp/init/", "TOTPAlreadyEnabledOnInit");
      await expectTotpEnabled(client, true);
      expect((await loginWith(fields, freshCode(setup.key))).status).toBe(200);
      expect((await loginWith(fields, setup.backup_codes[0])).status).toBe(200);
    });

    it("enable answers 400 TOTPNotSetup without a pending setup", async () => {
      const client = ctx.client();
      await registerAccount(client);
      expectProblem(await enable(client, { code: "123456" }), "totp/enable/", "TOTPNotSetup");
      await expectTotpEnabled(client, false);
    });

    it("enable answers 400 TOTPAlreadyEnabledOnInit when 2FA is on already", async () => {
      const { client, setup } = await accountWithTotp();
      const again = await enable(client, { code: freshCode(setup.key) });
      expectProblem(again, "totp/enable/", "TOTPAlreadyEnabledOnInit");
    });

    it("enable answers 400 InvalidTOTPToken to a wrong code, and 2FA stays off", async () => {
      const client = ctx.client();
      const { fields } = await registerAccount(client);
      const setup = await expectSetup(await init(client));
      const wrong = await enable(client, { code: wrongCode(setup.key, clock.now()) });
      const problem = expectProblem(wrong, "totp/enable/", "InvalidTOTPToken");
      expect(problem.detail).toBe(
        "Provided TOTP code or backup code is incorrect. Please try again.",
      );
      await expectTotpEnabled(client, false);
      expect((await loginWith(fields)).status).toBe(200);
      // A backup code does not confirm a setup: the authenticator app must be shown to work.
      const backup = await enable(client, { code: setup.backup_codes[0] });
      expectValidationError(backup, "totp/enable/", "code");
      await expectTotpEnabled(client, false);
    });

    it("enable accepts a code of the step before or after, and the code with a space inside", async () => {
      const client = ctx.client();
      await registerAccount(client);
      const setup = await expectSetup(await init(client));
      clock.advanceSeconds(30);
      const previous = currentTotpCode(setup.key, new Date(clock.now().getTime() - 30_000));
      const spaced = `${previous.slice(0, 3)} ${previous.slice(3)}`;
      const response = await enable(client, { code: spaced });
      expect(response.status, response.text).toBe(204);
    });

    it("enable answers 400 ValidationError to a missing, blank or malformed code", async () => {
      const client = ctx.client();
      await registerAccount(client);
      await expectSetup(await init(client));
      for (const body of [
        {},
        { code: "" },
        { code: "12345" },
        { code: "abcdef" },
        { code: 123456 },
      ]) {
        expectValidationError(await enable(client, body), "totp/enable/", "code");
      }
      await expectTotpEnabled(client, false);
    });

    it("disable and new-backup-codes answer 400 TOTPNotSetup when 2FA is off, even with a pending setup", async () => {
      const client = ctx.client();
      await registerAccount(client);
      expectProblem(await disable(client, { code: "123456" }), "totp/disable/", "TOTPNotSetup");
      const setup = await expectSetup(await init(client));
      const code = currentTotpCode(setup.key, clock.now());
      expectProblem(await disable(client, { code }), "totp/disable/", "TOTPNotSetup");
      const renew = await newBackupCodes(client, { code: setup.backup_codes[0] });
      expectProblem(renew, "totp/new-backup-codes/", "TOTPNotSetup");
    });

    it("disable and new-backup-codes answer 400 InvalidTOTPToken to a wrong or used code, and change nothing", async () => {
      const { client, fields, setup } = await accountWithTotp();
      const wrong = wrongCode(setup.key, clock.now());
      expectProblem(await disable(client, { code: wrong }), "totp/disable/", "InvalidTOTPToken");
      const badBackup = "aaaaa-bbbbb-ccccc-dddd";
      const renew = await newBackupCodes(client, { code: badBackup });
      expectProblem(renew, "totp/new-backup-codes/", "InvalidTOTPToken");

      const code = freshCode(setup.key);
      expect((await loginWith(fields, code)).status).toBe(200);
      expectProblem(await disable(client, { code }), "totp/disable/", "InvalidTOTPToken");
      const [used] = setup.backup_codes as [string];
      expect((await loginWith(fields, used)).status).toBe(200);
      const reused = await newBackupCodes(client, { code: used });
      expectProblem(reused, "totp/new-backup-codes/", "InvalidTOTPToken");

      await expectTotpEnabled(client, true);
      expect((await loginWith(fields, setup.backup_codes[1])).status).toBe(200);
    });

    it("disable and new-backup-codes answer 400 ValidationError to a missing or blank code", async () => {
      const { client } = await accountWithTotp("app");
      for (const body of [{}, { code: "" }, { code: "   " }, { code: 123456 }]) {
        expectValidationError(await disable(client, body), "totp/disable/", "code");
        const renew = await newBackupCodes(client, body);
        expectValidationError(renew, "totp/new-backup-codes/", "code");
      }
      await expectTotpEnabled(client, true);
    });

    it("disable accepts a backup code case- and dash-insensitively (the lost-phone way out)", async () => {
      const { client, fields, setup } = await accountWithTotp("app");
      const typed = normalizeBackupCode(setup.backup_codes[3] as string).toUpperCase();
      const response = await disable(client, { code: typed });
      expect(response.status, response.text).toBe(204);
      await expectTotpEnabled(client, false);
      expect((await loginWith(fields)).status).toBe(200);
    });

    it("disable kills the secret and every backup code: a new setup starts from nothing", async () => {
      const { client, fields, setup } = await accountWithTotp();
      expect((await disable(client, { code: freshCode(setup.key) })).status).toBe(204);
      const next = await expectSetup(await init(client));
      expect(next.key).not.toBe(setup.key);
      expect((await enable(client, { code: freshCode(next.key) })).status).toBe(204);
      expectProblem(await loginWith(fields, setup.backup_codes[2]), "login/", "TOTPIncorrect");
      expect((await loginWith(fields, next.backup_codes[2])).status).toBe(200);
    });

    it("lets exactly one of 20 parallel logins with one backup code in", async () => {
      const { fields, setup } = await accountWithTotp("app");
      const code = setup.backup_codes[4] as string;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => loginWith(fields, code)),
      );
      expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 200)) {
        expectProblem(response, "login/", "TOTPIncorrect");
      }
    });

    it("lets exactly one of 20 parallel new-backup-codes requests with one backup code through", async () => {
      const { client, setup } = await accountWithTotp("app");
      const code = setup.backup_codes[5] as string;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => newBackupCodes(client, { code })),
      );
      expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 200)) {
        expectProblem(response, "totp/new-backup-codes/", "InvalidTOTPToken");
      }
    });

    it("answers 401 NotAuthenticated on every totp/ endpoint without a credential", async () => {
      for (const mode of ["web", "app"] as const) {
        const client = ctx.client(mode);
        expectProblem(await init(client), "totp/init/", "NotAuthenticated");
        expectProblem(await enable(client, { code: "123456" }), "totp/enable/", "NotAuthenticated");
        const off = await disable(client, { code: "123456" });
        expectProblem(off, "totp/disable/", "NotAuthenticated");
        const renew = await newBackupCodes(client, { code: "123456" });
        expectProblem(renew, "totp/new-backup-codes/", "NotAuthenticated");
      }
    });

    it("answers 405 with Allow to a wrong method", async () => {
      const client = ctx.client();
      const get = await client.get("totp/init/");
      expectProblem(get, "totp/init/", "MethodNotAllowed");
      expect(get.headers.get("allow")).toContain("POST");
      const post = await client.post("totp/disable/", { code: "123456" });
      expectProblem(post, "totp/disable/", "MethodNotAllowed");
      expect(post.headers.get("allow")).toContain("PUT");
    });

    it("answers 403 CSRFFailed to a cookie request from a foreign Origin, and changes nothing", async () => {
      const foreign = { origin: "https://evil.example.net" };
      const web = ctx.client();
      await registerAccount(web);
      expectProblem(
        await web.post("totp/init/", undefined, { headers: foreign }),
        "totp/init/",
        "CSRFFailed",
      );
      const setup = await expectSetup(await init(web));
      const code = freshCode(setup.key);
      const forged = await web.post("totp/enable/", { code }, { headers: foreign });
      expectProblem(forged, "totp/enable/", "CSRFFailed");
      await expectTotpEnabled(web, false);
      expect((await enable(web, { code })).status).toBe(204);
      const off = await disable(web, { code: setup.backup_codes[0] as string }, foreign);
      expectProblem(off, "totp/disable/", "CSRFFailed");
      const renew = await web.post(
        "totp/new-backup-codes/",
        { code: setup.backup_codes[0] },
        { headers: foreign },
      );
      expectProblem(renew, "totp/new-backup-codes/", "CSRFFailed");
      await expectTotpEnabled(web, true);
    });
  });

  describe("totp/ endpoints, default limits", () => {
    const clock = new FakeClock();
    const ctx = useContractServer(start, { rateLimits: undefined, now: () => clock.now() }, () =>
      clock.now(),
    );

    it("enable answers 429 TOTPLocked after 5 wrong codes, even to the right code, for 15 minutes", async () => {
      const client = ctx.client();
      await registerAccount(client);
      const setup = await expectSetup(await init(client));
      for (let attempt = 1; attempt <= 5; attempt++) {
        const wrong = await enable(client, { code: wrongCode(setup.key, clock.now()) });
        expectProblem(wrong, "totp/enable/", "InvalidTOTPToken");
      }
      const locked = await enable(client, { code: currentTotpCode(setup.key, clock.now()) });
      expectProblem(locked, "totp/enable/", "TOTPLocked");
      const retryAfter = Number(locked.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      await expectTotpEnabled(client, false);

      clock.advanceSeconds(15 * 60 + 1);
      const unlocked = await enable(client, { code: currentTotpCode(setup.key, clock.now()) });
      expect(unlocked.status, unlocked.text).toBe(204);
    });

    it("wrong codes at login, disable and new-backup-codes count toward one lock", async () => {
      const client = ctx.client("app");
      const { fields } = await registerAccount(client);
      const setup = await expectSetup(await init(client));
      clock.advanceSeconds(30);
      expect((await enable(client, { code: currentTotpCode(setup.key, clock.now()) })).status).toBe(
        204,
      );
      const wrong = () => ({ code: wrongCode(setup.key, clock.now()) });
      const login = (code: string) =>
        ctx.client("app").post("login/", { email: fields.email, password: fields.password, code });
      expectProblem(await login(wrong().code), "login/", "TOTPIncorrect");
      expectProblem(await login(wrong().code), "login/", "TOTPIncorrect");
      expectProblem(await disable(client, wrong()), "totp/disable/", "InvalidTOTPToken");
      expectProblem(await disable(client, wrong()), "totp/disable/", "InvalidTOTPToken");
      const fifth = await newBackupCodes(client, wrong());
      expectProblem(fifth, "totp/new-backup-codes/", "InvalidTOTPToken");

      const backup = setup.backup_codes[0] as string;
      expectProblem(await disable(client, { code: backup }), "totp/disable/", "TOTPLocked");
      expectProblem(await login(backup), "login/", "TOTPLocked");
      await expectTotpEnabled(client, true);

      clock.advanceSeconds(15 * 60 + 1);
      const off = await disable(client, { code: backup });
      expect(off.status, off.text).toBe(204);
      await expectTotpEnabled(client, false);
    });
  });
}
