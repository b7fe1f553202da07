import type { SecurityEvent } from "@axor/core";
import { describe, expect, it } from "vitest";
import { enableTotp, type SeededTotp } from "../seed/enable-totp.js";
import { expectLoginResponse, expectSession, expectUser } from "./api-object-assertions.js";
import { registerAccount } from "./contract-accounts.js";
import type { ContractResponse } from "./contract-response.js";
import type { StartContractServer } from "./contract-server.js";
import { type ContractServerHandle, useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import type { MailOutbox, SentEmail } from "./mail-outbox.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";
import { expectNoSessionCookie, expectSessionCookie } from "./session-cookie-assertions.js";
import { uniqueEmail } from "./unique-email.js";

const thirtyDays = 30 * 24 * 3600;
const foreign = "https://evil.example.net";

/** How long a test waits for an email sent after the answer, or for one that must not come. */
const MAIL_WAIT_MS = 3000;
const QUIET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `count`-th email to `address` with `subject` (sent after the answer): waits for it. */
async function waitForEmail(
  outbox: MailOutbox,
  address: string,
  count = 1,
  subject = "Your sign-in link",
): Promise<SentEmail> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  for (;;) {
    const found = outbox.messagesTo(address).filter((message) => message.subject === subject);
    if (found.length >= count) return found[count - 1] as SentEmail;
    if (Date.now() > deadline) {
      throw new Error(`no email #${count} "${subject}" to ${address} within ${MAIL_WAIT_MS} ms`);
    }
    await sleep(10);
  }
}

/** Waits a moment and asserts no sign-in link went to `address` (beyond `already`). */
async function expectNoLinkSent(outbox: MailOutbox, address: string, already = 0): Promise<void> {
  await sleep(QUIET_MS);
  const links = outbox.messagesTo(address).filter((m) => m.subject === "Your sign-in link");
  expect(links).toHaveLength(already);
}

/** The `?token=` of an email's link. */
function tokenIn(email: SentEmail): string {
  const match = /[?&]token=([^\s"&<]+)/.exec(email.text);
  if (!match?.[1]) throw new Error(`no token in: ${email.text}`);
  return decodeURIComponent(match[1]);
}

function expect204(response: ContractResponse): void {
  expect(response.status, response.text).toBe(204);
  expect(response.text).toBe("");
}

/** A 6-digit code that is not valid anywhere in the accepted window around now. */
function wrongCode(totp: SeededTotp): string {
  const now = Date.now();
  const valid = [-30_000, 0, 30_000].map((offset) => totp.codeAt(new Date(now + offset)));
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.includes(code)) as string;
}

/** Registers an account and asks for a magic link; returns the account and the link's token. */
async function accountWithLink(ctx: ContractServerHandle) {
  const { fields, body } = await registerAccount(ctx.client("app"));
  expect204(await ctx.client().post("magic_link/request/", { email: fields.email }));
  const token = tokenIn(await waitForEmail(ctx.outbox, fields.email));
  return { fields, user: body.user, token };
}

/** `magic_link/request/` and `magic_link/consume/`: passwordless sign-in by email. */
export function describeMagicLinkContract(start: StartContractServer): void {
  describe("magic_link/request/", () => {
    const ctx = useContractServer(start);

    it("answers 204 with no body and emails a sign-in link to a known address", async () => {
      const { fields } = await registerAccount(ctx.client());
      const response = await ctx.client().post("magic_link/request/", { email: fields.email });
      expect204(response);
      expect(response.setCookies).toEqual([]);
      const email = await waitForEmail(ctx.outbox, fields.email);
      expect(email.text).toMatch(/\/magic-link\/process\/\?token=/);
      expect(tokenIn(email).length).toBeGreaterThanOrEqual(22);
    });

    it("answers 204 to an app client too", async () => {
      const { fields } = await registerAccount(ctx.client("app"));
      expect204(await ctx.client("app").post("magic_link/request/", { email: fields.email }));
      await waitForEmail(ctx.outbox, fields.email);
    });

    it("matches the address case-insensitively and ignores surrounding spaces", async () => {
      const { fields } = await registerAccount(ctx.client());
      const typed = `  ${fields.email.toUpperCase()} `;
      expect204(await ctx.client().post("magic_link/request/", { email: typed }));
      await waitForEmail(ctx.outbox, fields.email);
    });

    it("answers the same 204 to an unknown address and sends nothing", async () => {
      const email = uniqueEmail();
      const response = await ctx.client().post("magic_link/request/", { email });
      expect204(response);
      await expectNoLinkSent(ctx.outbox, email);
    });

    it("answers the same 204 for a disabled account and sends nothing", async () => {
      const { fields, body } = await registerAccount(ctx.client());
      await ctx.server.axor.options.storage.updateUser(body.user.id, {
        isActive: false,
        updatedAt: new Date(),
      });
      expect204(await ctx.client().post("magic_link/request/", { email: fields.email }));
      await expectNoLinkSent(ctx.outbox, fields.email);
    });

    it("answers 400 ValidationError to a missing, invalid or non-string email, or a non-object body", async () => {
      const web = ctx.client();
      for (const body of [{}, { email: "not-an-email" }, { email: 42 }, { email: "" }]) {
        expectValidationError(
          await web.post("magic_link/request/", body),
          "magic_link/request/",
          "email",
        );
      }
      const array = await web.post("magic_link/request/", ["a@example.com"]);
      expectProblem(array, "magic_link/request/", "ValidationError");
    });

    it("kills the older link when a new one is sent", async () => {
      const { fields } = await registerAccount(ctx.client("app"));
      expect204(await ctx.client().post("magic_link/request/", { email: fields.email }));
      const first = tokenIn(await waitForEmail(ctx.outbox, fields.email, 1));
      expect204(await ctx.client().post("magic_link/request/", { email: fields.email }));
      const second = tokenIn(await waitForEmail(ctx.outbox, fields.email, 2));
      expect(second).not.toBe(first);
      const old = await ctx.client().post("magic_link/consume/", { token: first });
      expectProblem(old, "magic_link/consume/", "InvalidToken");
      const fresh = await ctx.client().post("magic_link/consume/", { token: second });
      expect(fresh.status, fresh.text).toBe(200);
    });
  });

  describe("magic_link/request/ and the email rate limit", () => {
    const ctx = useContractServer(start, {
      rateLimits: { email: { max: 2, windowSeconds: 3600 }, register: false },
      trustedProxies: ["127.0.0.1", "::1"],
    });
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });

    it("answers 204 to an address over its own count, from fresh IPs, and sends nothing more", async () => {
      const { fields } = await registerAccount(ctx.client());
      for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]) {
        const response = await ctx
          .client()
          .post("magic_link/request/", { email: fields.email }, from(ip));
        expect204(response);
      }
      await waitForEmail(ctx.outbox, fields.email, 2);
      await expectNoLinkSent(ctx.outbox, fields.email, 2);
    });

    it("answers 429 RateLimited with Retry-After to an IP over its count, whatever the address", async () => {
      const ip = "198.51.100.77";
      for (let i = 0; i < 2; i++) {
        expect204(
          await ctx.client().post("magic_link/request/", { email: uniqueEmail() }, from(ip)),
        );
      }
      const { fields } = await registerAccount(ctx.client());
      const refused = await ctx
        .client()
        .post("magic_link/request/", { email: fields.email }, from(ip));
      expectProblem(refused, "magic_link/request/", "RateLimited");
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      await expectNoLinkSent(ctx.outbox, fields.email);
      // Another IP is not affected.
      expect204(
        await ctx
          .client()
          .post("magic_link/request/", { email: fields.email }, from("198.51.100.78")),
      );
      await waitForEmail(ctx.outbox, fields.email);
    });
  });

  describe("magic_link/consume/", () => {
    const events: SecurityEvent[] = [];
    const ctx = useContractServer(start, {
      trustedOrigins: ["https://trusted.example.com"],
      onEvent: (event) => events.push(event),
    });

    it("answers 200 with the login response and a session cookie to a web client", async () => {
      const { user, token } = await accountWithLink(ctx);
      const web = ctx.client();
      const response = await web.post("magic_link/consume/", { token });
      expect(response.status, response.text).toBe(200);
      const body = expectLoginResponse(response.body, "web");
      expect(body.user.id).toBe(user.id);
      expectSessionCookie(response, thirtyDays);
      const me = await web.get("me/");
      expect(me.status, me.text).toBe(200);
      expect((me.body as { user: { id: string } }).user.id).toBe(user.id);
    });

    it("answers an app client with session {id, key} and no cookie", async () => {
      const { user, token } = await accountWithLink(ctx);
      const app = ctx.client("app");
      const response = await app.post("magic_link/consume/", { token });
      expect(response.status, response.text).toBe(200);
      const body = expectLoginResponse(response.body, "app");
      expect(body.user.id).toBe(user.id);
      expect(response.setCookies).toEqual([]);
      const me = await app.get("me/");
      expect(me.status, me.text).toBe(200);
    });

    it("reports the earlier session in last_session, like login/", async () => {
      const { fields } = await registerAccount(ctx.client());
      expect204(await ctx.client().post("magic_link/request/", { email: fields.email }));
      const token = tokenIn(await waitForEmail(ctx.outbox, fields.email));
      const body = expectLoginResponse(
        (await ctx.client("app").post("magic_link/consume/", { token })).body,
        "app",
      );
      expectSession(body.last_session, { is_valid: true });
      expect(body.last_token_session).toBeNull();
    });

    it("marks the email verified", async () => {
      const { user, token } = await accountWithLink(ctx);
      expect(user.is_email_verified).toBe(false);
      const response = await ctx.client().post("magic_link/consume/", { token });
      const body = expectLoginResponse(response.body, "web");
      expectUser(body.user, { is_email_verified: true });
      const stored = await ctx.server.axor.options.storage.getUserById(user.id);
      expect(stored?.isEmailVerified).toBe(true);
    });

    it("records a magic_link_login security event", async () => {
      const { user, token } = await accountWithLink(ctx);
      expect((await ctx.client().post("magic_link/consume/", { token })).status).toBe(200);
      expect(events.some((e) => e.userId === user.id && e.type === "magic_link_login")).toBe(true);
    });

    it("works once: a second use answers 400 InvalidToken", async () => {
      const { token } = await accountWithLink(ctx);
      expect((await ctx.client().post("magic_link/consume/", { token })).status).toBe(200);
      const again = await ctx.client().post("magic_link/consume/", { token });
      const problem = expectProblem(again, "magic_link/consume/", "InvalidToken");
      expect(problem.detail).toBe("Token is invalid or expired.");
      expectNoSessionCookie(again);
    });

    it("signs in exactly one of 50 parallel consumptions of one link", async () => {
      const { token } = await accountWithLink(ctx);
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          ctx.client(i % 2 === 0 ? "web" : "app").post("magic_link/consume/", { token }),
        ),
      );
      const won = responses.filter((response) => response.status === 200);
      expect(won).toHaveLength(1);
      for (const response of responses) {
        if (response.status !== 200) expectProblem(response, "magic_link/consume/", "InvalidToken");
      }
    });

    it("answers 400 TokenRequired to a missing, empty or non-string token", async () => {
      for (const body of [{}, { token: "" }, { token: "   " }, { token: 42 }, { token: null }]) {
        const response = await ctx.client().post("magic_link/consume/", body);
        expectProblem(response, "magic_link/consume/", "TokenRequired");
        expectNoSessionCookie(response);
      }
    });

    it("answers 400 ValidationError to a body that is not an object, and to a non-string code", async () => {
      for (const body of ["token", 42, null]) {
        const response = await ctx.client().post("magic_link/consume/", body);
        expectProblem(response, "magic_link/consume/", "ValidationError");
      }
      const { token } = await accountWithLink(ctx);
      const response = await ctx.client().post("magic_link/consume/", { token, code: 123456 });
      expectValidationError(response, "magic_link/consume/", "code");
      // A rejected request writes nothing: the link still works.
      expect((await ctx.client().post("magic_link/consume/", { token })).status).toBe(200);
    });

    it("answers 400 InvalidToken to an unknown, over-long or other-purpose token", async () => {
      const { fields } = await registerAccount(ctx.client());
      const verification = await waitForEmail(
        ctx.outbox,
        fields.email,
        1,
        "Confirm your email address",
      );
      for (const token of ["nope", "x".repeat(600), tokenIn(verification)]) {
        const response = await ctx.client().post("magic_link/consume/", { token });
        expectProblem(response, "magic_link/consume/", "InvalidToken");
      }
    });

    it("answers 400 InvalidToken to a link sent to an address the account no longer has", async () => {
      const { user, token } = await accountWithLink(ctx);
      await ctx.server.axor.options.storage.updateUser(user.id, {
        email: uniqueEmail(),
        updatedAt: new Date(),
      });
      const response = await ctx.client().post("magic_link/consume/", { token });
      expectProblem(response, "magic_link/consume/", "InvalidToken");
      expectNoSessionCookie(response);
    });

    it("answers 403 AccountDisabled for a disabled account; the link is not used up", async () => {
      const { user, token } = await accountWithLink(ctx);
      const storage = ctx.server.axor.options.storage;
      await storage.updateUser(user.id, { isActive: false, updatedAt: new Date() });
      const response = await ctx.client().post("magic_link/consume/", { token });
      expectProblem(response, "magic_link/consume/", "AccountDisabled");
      expectNoSessionCookie(response);
      expect((await storage.getUserById(user.id))?.isEmailVerified).toBe(false);
      // Enabled again within the link's lifetime, the link still works.
      await storage.updateUser(user.id, { isActive: true, updatedAt: new Date() });
      expect((await ctx.client().post("magic_link/consume/", { token })).status).toBe(200);
    });

    it("answers 403 CSRFFailed to a web request with a session cookie from a foreign Origin", async () => {
      const { token } = await accountWithLink(ctx);
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post(
        "magic_link/consume/",
        { token },
        { headers: { origin: foreign } },
      );
      expectProblem(response, "magic_link/consume/", "CSRFFailed");
      // The link was not used up.
      expect((await ctx.client().post("magic_link/consume/", { token })).status).toBe(200);
    });

    it("serves a web request from a trusted Origin", async () => {
      const { token } = await accountWithLink(ctx);
      const response = await ctx
        .client()
        .post(
          "magic_link/consume/",
          { token },
          { headers: { origin: "https://trusted.example.com" } },
        );
      expect(response.status, response.text).toBe(200);
    });

    it("answers 403 CSRFFailed to a cookie-less web request from a foreign Origin (login CSRF), and the link lives on", async () => {
      const link = await accountWithLink(ctx);
      const forged = await ctx
        .client()
        .post("magic_link/consume/", { token: link.token }, { headers: { origin: foreign } });
      expectProblem(forged, "magic_link/consume/", "CSRFFailed");
      const own = await ctx.client().post("magic_link/consume/", { token: link.token });
      expect(own.status, own.text).toBe(200);
    });
  });

  describe("magic_link/consume/ with 2FA on", () => {
    const ctx = useContractServer(start);

    async function totpAccountWithLink() {
      const link = await accountWithLink(ctx);
      const totp = await enableTotp(ctx.server.axor, link.user.id);
      return { ...link, totp };
    }

    it("answers 401 TOTPRequired without a code, and the link still works", async () => {
      const { token, totp } = await totpAccountWithLink();
      const bare = await ctx.client().post("magic_link/consume/", { token });
      expectProblem(bare, "magic_link/consume/", "TOTPRequired");
      expectNoSessionCookie(bare);
      const web = ctx.client();
      const response = await web.post("magic_link/consume/", { token, code: totp.codeAt() });
      expect(response.status, response.text).toBe(200);
      expectSessionCookie(response, thirtyDays);
      expect(expectLoginResponse(response.body, "web").user.totp_enabled).toBe(true);
    });

    it("answers 401 TOTPIncorrect to a wrong code, and the link still works", async () => {
      const { token, totp } = await totpAccountWithLink();
      const wrong = await ctx
        .client("app")
        .post("magic_link/consume/", { token, code: wrongCode(totp) });
      expectProblem(wrong, "magic_link/consume/", "TOTPIncorrect");
      expect(wrong.setCookies).toEqual([]);
      const app = ctx.client("app");
      const response = await app.post("magic_link/consume/", { token, code: totp.codeAt() });
      expect(response.status, response.text).toBe(200);
      expectLoginResponse(response.body, "app");
      expect((await app.get("me/")).status).toBe(200);
    });

    it("accepts a backup code, once", async () => {
      const { token, totp, fields } = await totpAccountWithLink();
      const code = totp.backupCodes[0] as string;
      expect((await ctx.client().post("magic_link/consume/", { token, code })).status).toBe(200);
      expect204(await ctx.client().post("magic_link/request/", { email: fields.email }));
      const second = tokenIn(await waitForEmail(ctx.outbox, fields.email, 2));
      const replay = await ctx.client().post("magic_link/consume/", { token: second, code });
      expectProblem(replay, "magic_link/consume/", "TOTPIncorrect");
    });

    it("checks the token before the code: a bad token with a good code is InvalidToken", async () => {
      const { totp } = await totpAccountWithLink();
      const response = await ctx
        .client()
        .post("magic_link/consume/", { token: "not-a-token", code: totp.codeAt() });
      expectProblem(response, "magic_link/consume/", "InvalidToken");
    });
  });

  describe("magic_link/consume/ expiry", () => {
    const clock = new FakeClock();
    const ctx = useContractServer(start, { now: () => clock.now() }, () => clock.now());

    it("answers 400 InvalidToken once the link's 15 minutes are over", async () => {
      const { token } = await accountWithLink(ctx);
      clock.advanceSeconds(15 * 60 + 1);
      const response = await ctx.client().post("magic_link/consume/", { token });
      expectProblem(response, "magic_link/consume/", "InvalidToken");
    });

    it("still works just before the end of its lifetime", async () => {
      const { token } = await accountWithLink(ctx);
      clock.advanceSeconds(15 * 60 - 5);
      const response = await ctx.client().post("magic_link/consume/", { token });
      expect(response.status, response.text).toBe(200);
    });
  });
}
