import { createHash, randomUUID } from "node:crypto";
import type { AxorOptions } from "@axor/core";
import { describe, expect, it } from "vitest";
import { loginAccount, registerAccount } from "./contract-accounts.js";
import type { ContractClient } from "./contract-client.js";
import type { ContractResponse } from "./contract-response.js";
import type { StartContractServer } from "./contract-server.js";
import { type ContractServerHandle, useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import type { MailOutbox, SentEmail } from "./mail-outbox.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";
import { uniqueEmail } from "./unique-email.js";

type SecurityEvent = Parameters<NonNullable<AxorOptions["onEvent"]>>[0];

const resetSubject = "Reset your password";
const changedSubject = "Your password was changed";
const newPassword = "a brand new password";

/**
 * Waits until `address` has received `count` emails with `subject` (emails sent after the
 * answer, as forgot_password's, arrive a moment later) and returns them, oldest first.
 */
export async function waitForEmails(
  outbox: MailOutbox,
  address: string,
  subject: string,
  count = 1,
): Promise<SentEmail[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = outbox.messagesTo(address).filter((message) => message.subject === subject);
    if (found.length >= count) return found;
    if (Date.now() > deadline) {
      throw new Error(`${address} got ${found.length} of ${count} "${subject}" emails`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The token of the link in an email. */
export function linkToken(email: SentEmail | undefined): string {
  const match = /[?&]token=([^\s"&<]+)/.exec(email?.text ?? "");
  expect(match, email?.text).not.toBeNull();
  return decodeURIComponent(match?.[1] ?? "");
}

/** Asserts a 204 with no body and no cookie. */
export function expectNoContent(response: ContractResponse): void {
  expect(response.status, response.text).toBe(204);
  expect(response.text).toBe("");
  expect(response.setCookies).toEqual([]);
}

/** Asks for a reset link for `email` and returns its token (after the email arrives). */
async function resetToken(ctx: ContractServerHandle, email: string): Promise<string> {
  const before = ctx.outbox.messagesTo(email).filter((m) => m.subject === resetSubject).length;
  expectNoContent(await ctx.client().post("forgot_password/request/", { email }));
  const emails = await waitForEmails(ctx.outbox, email, resetSubject, before + 1);
  return linkToken(emails[before]);
}

/**
 * Lets forgot_password's after-answer work finish: asks for a link for `sentinel` (a known,
 * active account) and waits for it, then a moment more.
 */
async function settle(ctx: ContractServerHandle, sentinel: string): Promise<void> {
  await resetToken(ctx, sentinel);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * `forgot_password/request/`, `validate/` and `reset/`: 204 for any address (same answer,
 * nothing sent for unknown or disabled accounts or over the per-address limit), live-token
 * validation that does not use the token up, and a single-use reset that checks the policy
 * first, revokes every session and token, kills the other links and notifies by email.
 */
export function describePasswordResetContract(start: StartContractServer): void {
  describe("forgot_password/", () => {
    const events: SecurityEvent[] = [];
    const ctx = useContractServer(start, { onEvent: (event) => events.push(event) });
    const post = (client: ContractClient, path: string, body: unknown) =>
      client.post(`forgot_password/${path}/`, body);

    it("request/ answers 204 and emails a reset link to a known account, in both modes", async () => {
      for (const mode of ["web", "app"] as const) {
        const { fields } = await registerAccount(ctx.client());
        const response = await post(ctx.client(mode), "request", { email: fields.email });
        expectNoContent(response);
        const [email] = await waitForEmails(ctx.outbox, fields.email, resetSubject);
        expect(email?.text).toContain("/forgot-password/process/?token=");
        expect(email?.html).toContain("token=");
        expectNoContent(await post(ctx.client(mode), "validate", { token: linkToken(email) }));
      }
    });

    it("request/ answers the same to unknown and disabled accounts and sends them nothing", async () => {
      const { fields: known } = await registerAccount(ctx.client());
      const { fields: disabled, body } = await registerAccount(ctx.client());
      await ctx.server.axor.options.storage.updateUser(body.user.id, {
        isActive: false,
        updatedAt: new Date(),
      });
      const unknown = uniqueEmail();
      const answers = [];
      for (const email of [known.email, unknown, disabled.email]) {
        const response = await post(ctx.client(), "request", { email });
        expectNoContent(response);
        answers.push({ text: response.text, headers: [...response.headers.keys()].sort() });
      }
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      await waitForEmails(ctx.outbox, known.email, resetSubject);
      await settle(ctx, known.email);
      expect(ctx.outbox.messagesTo(unknown)).toEqual([]);
      expect(ctx.outbox.messagesTo(disabled.email).map((m) => m.subject)).not.toContain(
        resetSubject,
      );
    });

    it("request/ matches the address case-insensitively and ignores surrounding spaces", async () => {
      const { fields } = await registerAccount(ctx.client());
      const email = ` ${fields.email.toUpperCase()} `;
      expectNoContent(await post(ctx.client("app"), "request", { email }));
      await waitForEmails(ctx.outbox, fields.email, resetSubject);
    });

    it("request/ answers ValidationError to a malformed, missing or non-string email", async () => {
      for (const email of ["not-an-email", "", 42, null, `${"a".repeat(140)}@example.com`]) {
        const response = await post(ctx.client(), "request", { email });
        expectValidationError(response, "forgot_password/request/", "email");
      }
      const missing = await post(ctx.client(), "request", {});
      expectValidationError(missing, "forgot_password/request/", "email");
      const notObject = await post(ctx.client(), "request", ["x"]);
      expectProblem(notObject, "forgot_password/request/", "ValidationError");
    });

    it("a new link kills the older one", async () => {
      const { fields } = await registerAccount(ctx.client());
      const first = await resetToken(ctx, fields.email);
      const second = await resetToken(ctx, fields.email);
      expect(second).not.toBe(first);
      const old = await post(ctx.client(), "validate", { token: first });
      expectProblem(old, "forgot_password/validate/", "InvalidToken");
      expectNoContent(await post(ctx.client(), "validate", { token: second }));
    });

    it("validate/ answers 204 without using the token up", async () => {
      const { fields } = await registerAccount(ctx.client());
      const token = await resetToken(ctx, fields.email);
      for (const mode of ["web", "app", "web"] as const) {
        expectNoContent(await post(ctx.client(mode), "validate", { token }));
      }
      expectNoContent(await post(ctx.client(), "reset", { token, password: newPassword }));
      const used = await post(ctx.client(), "validate", { token });
      expectProblem(used, "forgot_password/validate/", "InvalidToken");
    });

    it.each(["validate", "reset"])(
      "%s/ answers TokenRequired without a token and InvalidToken to a wrong one",
      async (path) => {
        const instance = `forgot_password/${path}/`;
        for (const token of [undefined, "", "   ", 42, null, ["x"]]) {
          const response = await post(ctx.client(), path, { token, password: newPassword });
          expectProblem(response, instance, "TokenRequired");
        }
        for (const token of ["garbage", "x".repeat(43), "y".repeat(5000)]) {
          const response = await post(ctx.client("app"), path, { token, password: newPassword });
          expectProblem(response, instance, "InvalidToken");
        }
        expectProblem(await post(ctx.client(), path, "token"), instance, "ValidationError");
      },
    );

    it("validate/ and reset/ refuse a token of another purpose (an email verification link)", async () => {
      const { fields } = await registerAccount(ctx.client());
      const [verification] = ctx.outbox
        .messagesTo(fields.email)
        .filter((m) => m.subject !== resetSubject);
      const token = linkToken(verification);
      const validate = await post(ctx.client(), "validate", { token });
      expectProblem(validate, "forgot_password/validate/", "InvalidToken");
      const reset = await post(ctx.client(), "reset", { token, password: newPassword });
      expectProblem(reset, "forgot_password/reset/", "InvalidToken");
    });

    it("reset/ sets the password, revokes every session and token, verifies the email, notifies", async () => {
      const web = ctx.client();
      const { fields, body } = await registerAccount(web);
      expect(body.user.is_email_verified).toBe(false);
      const app = ctx.client("app");
      await loginAccount(app, fields);
      const token = await resetToken(ctx, fields.email);
      const storage = ctx.server.axor.options.storage;
      const magicToken = `magic-${randomUUID()}`;
      await storage.createOneTimeToken({
        tokenHash: sha256(magicToken),
        purpose: "magic_link",
        userId: body.user.id,
        email: fields.email,
        createdAt: new Date(),
        expireAt: new Date(Date.now() + 600_000),
      });

      const response = await post(ctx.client("app"), "reset", { token, password: newPassword });
      expectNoContent(response);

      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
      expectProblem(await app.get("me/"), "me/", "NotAuthenticated");
      const old = await ctx.client().post("login/", fields);
      expectProblem(old, "login/", "InvalidCredentials");
      const login = await loginAccount(ctx.client(), {
        email: fields.email,
        password: newPassword,
      });
      expect(login.user.is_email_verified).toBe(true);
      expect(await storage.findOneTimeToken(sha256(magicToken), "magic_link", new Date())).toBe(
        null,
      );
      await waitForEmails(ctx.outbox, fields.email, changedSubject);
      expect(events.filter((e) => e.userId === body.user.id).map((e) => e.type)).toEqual(
        expect.arrayContaining(["password_reset_requested", "password_reset"]),
      );

      const again = await post(ctx.client(), "reset", { token, password: "yet another one" });
      expectProblem(again, "forgot_password/reset/", "InvalidToken");
    });

    it("reset/ checks the password before using the token: a refused reset writes nothing", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const token = await resetToken(ctx, fields.email);
      const cases: [unknown, "InvalidPassword" | "ValidationError"][] = [
        ["short", "InvalidPassword"],
        ["x".repeat(257), "InvalidPassword"],
        [undefined, "ValidationError"],
        ["", "ValidationError"],
        [12345678, "ValidationError"],
      ];
      for (const [password, code] of cases) {
        const response = await post(ctx.client(), "reset", { token, password });
        const problem = expectProblem(response, "forgot_password/reset/", code);
        expect(Object.keys(problem.errors ?? {})).toContain("password");
      }
      expect((await web.get("me/")).status).toBe(200);
      await loginAccount(ctx.client(), fields);
      expectNoContent(await post(ctx.client(), "validate", { token }));
      expectNoContent(await post(ctx.client(), "reset", { token, password: newPassword }));
    });

    it("reset/ is single-use under concurrency: of 50 parallel resets exactly one wins", async () => {
      const { fields } = await registerAccount(ctx.client());
      const token = await resetToken(ctx, fields.email);
      const passwords = Array.from({ length: 50 }, (_, i) => `parallel password ${i}`);
      const responses = await Promise.all(
        passwords.map((password) => post(ctx.client(), "reset", { token, password })),
      );
      const winners = responses.flatMap((response, i) => (response.status === 204 ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const response of responses) {
        if (response.status !== 204) {
          expectProblem(response, "forgot_password/reset/", "InvalidToken");
        }
      }
      const password = passwords[winners[0] ?? 0] as string;
      await loginAccount(ctx.client(), { email: fields.email, password });
    });

    it("reset/ refuses the link of an account disabled since it was sent", async () => {
      const { fields, body } = await registerAccount(ctx.client());
      const token = await resetToken(ctx, fields.email);
      await ctx.server.axor.options.storage.updateUser(body.user.id, {
        isActive: false,
        updatedAt: new Date(),
      });
      const validate = await post(ctx.client(), "validate", { token });
      expectProblem(validate, "forgot_password/validate/", "InvalidToken");
      const reset = await post(ctx.client(), "reset", { token, password: newPassword });
      expectProblem(reset, "forgot_password/reset/", "InvalidToken");
    });
  });

  describe("forgot_password/ token lifetime", () => {
    const clock = new FakeClock();
    const ctx = useContractServer(
      start,
      { now: () => clock.now(), tokenLifetimes: { resetPasswordSeconds: 600 } },
      () => clock.now(),
    );

    it("a reset link works for its lifetime and no longer", async () => {
      const { fields } = await registerAccount(ctx.client());
      const token = await resetToken(ctx, fields.email);
      expect(ctx.outbox.messagesTo(fields.email).at(-1)?.text).toContain("10 minutes");
      clock.advanceSeconds(590);
      expectNoContent(await ctx.client().post("forgot_password/validate/", { token }));
      clock.advanceSeconds(11);
      const validate = await ctx.client().post("forgot_password/validate/", { token });
      expectProblem(validate, "forgot_password/validate/", "InvalidToken");
      const reset = await ctx
        .client()
        .post("forgot_password/reset/", { token, password: newPassword });
      expectProblem(reset, "forgot_password/reset/", "InvalidToken");
      await loginAccount(ctx.client(), fields);
    });
  });

  describe("forgot_password/request/ rate limits", () => {
    const ctx = useContractServer(start, {
      rateLimits: { email: { max: 2, windowSeconds: 3600 } },
      trustedProxies: ["127.0.0.1", "::1"],
    });
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });

    it("over the per-address limit: the same 204, and nothing more is sent", async () => {
      const email = uniqueEmail();
      await ctx.server.axor.options.storage.createUser({
        id: randomUUID(),
        email,
        passwordHash: "not-a-real-hash",
        firstName: "Ada",
        lastName: "Lovelace",
        timezone: "UTC",
        isActive: true,
        isEmailVerified: false,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]) {
        const response = await ctx.client().post("forgot_password/request/", { email }, from(ip));
        expectNoContent(response);
      }
      await waitForEmails(ctx.outbox, email, resetSubject, 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ctx.outbox.messagesTo(email)).toHaveLength(2);
    });

    it("over the per-IP limit: 429 RateLimited with Retry-After, whatever the address", async () => {
      const ip = "198.51.100.50";
      for (let i = 0; i < 2; i++) {
        const response = await ctx
          .client()
          .post("forgot_password/request/", { email: uniqueEmail() }, from(ip));
        expectNoContent(response);
      }
      const over = await ctx
        .client()
        .post("forgot_password/request/", { email: uniqueEmail() }, from(ip));
      expectProblem(over, "forgot_password/request/", "RateLimited");
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      const other = await ctx
        .client()
        .post("forgot_password/request/", { email: uniqueEmail() }, from("198.51.100.51"));
      expectNoContent(other);
    });
  });
}
