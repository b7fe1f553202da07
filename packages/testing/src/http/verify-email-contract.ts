import { AxorError, type ClientInfo, type SecurityEvent } from "@axor/core";
import { describe, expect, it } from "vitest";
import { registerAccount } from "./contract-accounts.js";
import type { ContractClient } from "./contract-client.js";
import type { ContractResponse } from "./contract-response.js";
import type { StartContractServer } from "./contract-server.js";
import { type ContractServerHandle, useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import type { MailOutbox, SentEmail } from "./mail-outbox.js";
import { expectProblem } from "./problem-assertions.js";
import { expectNoSessionCookie, sessionCookieName } from "./session-cookie-assertions.js";

/** The subject of the default verification email. */
export const verifyEmailSubject = "Confirm your email address";

/** The `?token=` of the link in `email` (text body), decoded. */
export function linkTokenOf(email: SentEmail | undefined): string {
  const encoded = /[?&]token=([^\s"&<]+)/.exec(email?.text ?? "")?.[1];
  expect(encoded, `a link with ?token= in ${JSON.stringify(email?.text)}`).toBeDefined();
  return decodeURIComponent(encoded as string);
}

/** The newest email with `subject` sent to `address`; fails when there is none. */
export function newestEmail(outbox: MailOutbox, address: string, subject: string): SentEmail {
  const found = outbox.messagesTo(address).filter((message) => message.subject === subject);
  expect(found.length, `an email "${subject}" to ${address}`).toBeGreaterThan(0);
  return found[found.length - 1] as SentEmail;
}

/** The token of the newest verification link sent to `address`. */
export function verificationToken(outbox: MailOutbox, address: string): string {
  return linkTokenOf(newestEmail(outbox, address, verifyEmailSubject));
}

/** `me/` of `client`, asserted 200, as its user. */
export async function meOf(client: ContractClient): Promise<Record<string, unknown>> {
  const response = await client.get("me/");
  expect(response.status, response.text).toBe(200);
  return (response.body as { user: Record<string, unknown> }).user;
}

/** A credential-less client of the server, as the server-side API takes it. */
export function serverSideClient(client?: ContractClient): ClientInfo {
  const key = client?.bearer ?? client?.jar.get(sessionCookieName);
  const source = client?.bearer !== undefined ? "bearer" : "cookie";
  return {
    ip: "127.0.0.1",
    userAgent: "server-side",
    mode: client?.mode ?? "web",
    credential: key === undefined ? null : { source, key },
  };
}

/** Asserts `promise` rejects with an `AxorError` of `code`. */
export async function expectAxorError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AxorError);
  expect((error as AxorError).code).toBe(code);
}

/** Asserts a 429 of `code` with a Retry-After of whole seconds in 1..`maxSeconds`. */
export function expectRetryAfter(
  response: ContractResponse,
  path: string,
  code: "RateLimited" | "EmailVerificationLinkSentRecently",
  maxSeconds: number,
): void {
  expectProblem(response, path, code);
  const retryAfter = response.headers.get("retry-after") ?? "";
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(maxSeconds);
}

/** The server's handle with a fake clock and the security events it recorded. */
function useEmailServer(start: StartContractServer, overrides = {}) {
  const clock = new FakeClock();
  const events: SecurityEvent[] = [];
  const ctx: ContractServerHandle = useContractServer(
    start,
    { now: () => clock.now(), onEvent: (event) => events.push(event), ...overrides },
    () => clock.now(),
  );
  return { ctx, clock, events };
}

/**
 * `verify_email/` (no auth, `token`: 204, marks the email verified, single use; TokenRequired,
 * InvalidToken) and `verify_email/resend/` (auth: 204, a new link, older ones die;
 * EmailVerified, EmailVerificationLinkSentRecently with Retry-After, the `email` rate limit).
 */
export function describeVerifyEmailContract(start: StartContractServer): void {
  describe("verify_email/", () => {
    const { ctx, clock, events } = useEmailServer(start);

    it.each(["web", "app"] as const)(
      "verifies a %s registration with the emailed link: 204, no body, no cookie",
      async (mode) => {
        const client = ctx.client(mode);
        const { fields, body } = await registerAccount(client);
        expect(body.user.is_email_verified).toBe(false);
        const token = verificationToken(ctx.outbox, fields.email);

        const response = await ctx.client(mode).post("verify_email/", { token });
        expect(response.status, response.text).toBe(204);
        expect(response.text).toBe("");
        expectNoSessionCookie(response);
        expect(response.setCookies).toEqual([]);
        expect((await meOf(client)).is_email_verified).toBe(true);
        expect(
          events.filter((event) => event.userId === body.user.id).map((e) => e.type),
        ).toContain("email_verified");
      },
    );

    it("is accepted from a signed-in client too, and whatever the session", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const response = await web.post("verify_email/", {
        token: verificationToken(ctx.outbox, fields.email),
      });
      expect(response.status, response.text).toBe(204);
      expect((await meOf(web)).is_email_verified).toBe(true);
    });

    it("uses a link once: the second use is 400 InvalidToken", async () => {
      const { fields } = await registerAccount(ctx.client());
      const token = verificationToken(ctx.outbox, fields.email);
      expect((await ctx.client().post("verify_email/", { token })).status).toBe(204);
      expectProblem(
        await ctx.client().post("verify_email/", { token }),
        "verify_email/",
        "InvalidToken",
      );
      expectProblem(
        await ctx.client("app").post("verify_email/", { token }),
        "verify_email/",
        "InvalidToken",
      );
    });

    it.each([
      ["no token", {}],
      ["an empty token", { token: "" }],
      ["a blank token", { token: "   " }],
      ["a null token", { token: null }],
      ["a number", { token: 12345 }],
      ["an array", { token: ["x"] }],
      ["an object", { token: { value: "x" } }],
      ["an array body", []],
    ])("answers 400 TokenRequired to %s", async (_, body) => {
      expectProblem(
        await ctx.client().post("verify_email/", body),
        "verify_email/",
        "TokenRequired",
      );
      expectProblem(
        await ctx.client("app").post("verify_email/", body),
        "verify_email/",
        "TokenRequired",
      );
    });

    it.each([
      ["a string", "token"],
      ["null", null],
    ])("answers 400 ValidationError to a body that is %s", async (_, body) => {
      const response = await ctx.client().post("verify_email/", undefined, {
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
      expectProblem(response, "verify_email/", "ValidationError");
    });

    it.each([
      ["an unknown token", "a".repeat(43)],
      ["a malformed token", "%%% not a token"],
      ["a far too long token", "a".repeat(5000)],
    ])("answers 400 InvalidToken to %s", async (_, token) => {
      expectProblem(
        await ctx.client().post("verify_email/", { token }),
        "verify_email/",
        "InvalidToken",
      );
    });

    it("answers InvalidToken to an expired link (24 hours) and leaves the email unverified", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const token = verificationToken(ctx.outbox, fields.email);
      clock.advanceSeconds(24 * 3600 + 1);
      expectProblem(
        await ctx.client().post("verify_email/", { token }),
        "verify_email/",
        "InvalidToken",
      );
      const app = ctx.client("app");
      await app.post("login/", { email: fields.email, password: fields.password });
      expect((await meOf(app)).is_email_verified).toBe(false);
    });

    it("still takes a link just before it expires", async () => {
      const { fields } = await registerAccount(ctx.client());
      const token = verificationToken(ctx.outbox, fields.email);
      clock.advanceSeconds(24 * 3600 - 5);
      expect((await ctx.client().post("verify_email/", { token })).status).toBe(204);
    });

    it("lets exactly one of 50 concurrent uses of a link win", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const token = verificationToken(ctx.outbox, fields.email);
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          ctx.client(i % 2 === 0 ? "web" : "app").post("verify_email/", { token }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 204)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 204)) {
        expectProblem(response, "verify_email/", "InvalidToken");
      }
      expect((await meOf(web)).is_email_verified).toBe(true);
    });

    it("is served by the server-side axor.verifyEmail, which throws the same errors", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const token = verificationToken(ctx.outbox, fields.email);
      const { axor } = ctx.server;
      await expectAxorError(axor.verifyEmail({ token: "" }, serverSideClient()), "TokenRequired");
      await expectAxorError(
        axor.verifyEmail({ token: "x".repeat(43) }, serverSideClient()),
        "InvalidToken",
      );
      await axor.verifyEmail({ token }, serverSideClient());
      expect((await meOf(web)).is_email_verified).toBe(true);
      await expectAxorError(axor.verifyEmail({ token }, serverSideClient()), "InvalidToken");
    });
  });

  describe("verify_email/resend/", () => {
    const { ctx, clock, events } = useEmailServer(start);

    it("answers 401 NotAuthenticated without a credential", async () => {
      expectProblem(
        await ctx.client().post("verify_email/resend/"),
        "verify_email/resend/",
        "NotAuthenticated",
      );
      expectProblem(
        await ctx.client("app").post("verify_email/resend/"),
        "verify_email/resend/",
        "NotAuthenticated",
      );
    });

    it.each(["web", "app"] as const)(
      "sends a %s caller a new link after the cooldown: 204; the older link dies",
      async (mode) => {
        const client = ctx.client(mode);
        const { fields, body } = await registerAccount(client);
        const first = verificationToken(ctx.outbox, fields.email);
        clock.advanceSeconds(61);

        const response = await client.post("verify_email/resend/");
        expect(response.status, response.text).toBe(204);
        expect(response.text).toBe("");
        const mails = ctx.outbox.messagesTo(fields.email);
        expect(mails.filter((mail) => mail.subject === verifyEmailSubject)).toHaveLength(2);
        const second = verificationToken(ctx.outbox, fields.email);
        expect(second).not.toBe(first);
        expect(
          events.filter((event) => event.userId === body.user.id).map((e) => e.type),
        ).toContain("email_verification_sent");

        expectProblem(
          await ctx.client().post("verify_email/", { token: first }),
          "verify_email/",
          "InvalidToken",
        );
        expect((await ctx.client().post("verify_email/", { token: second })).status).toBe(204);
        expect((await meOf(client)).is_email_verified).toBe(true);
      },
    );

    it("answers 429 EmailVerificationLinkSentRecently with Retry-After within the cooldown (60 s) of the last link", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const sent = ctx.outbox.messagesTo(fields.email).length;
      // The registration's link counts: no new one for 60 seconds.
      const early = await web.post("verify_email/resend/");
      expectRetryAfter(early, "verify_email/resend/", "EmailVerificationLinkSentRecently", 60);
      clock.advanceSeconds(30);
      expectRetryAfter(
        await web.post("verify_email/resend/"),
        "verify_email/resend/",
        "EmailVerificationLinkSentRecently",
        30,
      );
      expect(ctx.outbox.messagesTo(fields.email)).toHaveLength(sent);
      // The registration's link still works: a refused resend kills nothing.
      clock.advanceSeconds(31);
      expect((await web.post("verify_email/resend/")).status).toBe(204);
      expectRetryAfter(
        await web.post("verify_email/resend/"),
        "verify_email/resend/",
        "EmailVerificationLinkSentRecently",
        60,
      );
    });

    it("keeps the current link alive when a resend is refused", async () => {
      const app = ctx.client("app");
      const { fields } = await registerAccount(app);
      const token = verificationToken(ctx.outbox, fields.email);
      expectProblem(
        await app.post("verify_email/resend/"),
        "verify_email/resend/",
        "EmailVerificationLinkSentRecently",
      );
      expect((await ctx.client().post("verify_email/", { token })).status).toBe(204);
    });

    it("answers 400 EmailVerified once the email is verified, and sends nothing", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      await ctx
        .client()
        .post("verify_email/", { token: verificationToken(ctx.outbox, fields.email) });
      const sent = ctx.outbox.messagesTo(fields.email).length;
      expectProblem(
        await web.post("verify_email/resend/"),
        "verify_email/resend/",
        "EmailVerified",
      );
      clock.advanceSeconds(61);
      expectProblem(
        await web.post("verify_email/resend/"),
        "verify_email/resend/",
        "EmailVerified",
      );
      expect(ctx.outbox.messagesTo(fields.email)).toHaveLength(sent);
    });

    it("refuses a cookie-authenticated resend from a foreign origin: 403 CSRFFailed", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      clock.advanceSeconds(61);
      const sent = ctx.outbox.messagesTo(fields.email).length;
      const response = await web.post("verify_email/resend/", undefined, {
        headers: { origin: "https://evil.example" },
      });
      expectProblem(response, "verify_email/resend/", "CSRFFailed");
      expect(ctx.outbox.messagesTo(fields.email)).toHaveLength(sent);
    });

    it("lets one of 10 concurrent resends send a link; the rest get 429", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      clock.advanceSeconds(61);
      const sent = ctx.outbox.messagesTo(fields.email).length;
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => web.post("verify_email/resend/")),
      );
      expect(responses.filter((response) => response.status === 204)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 204)) {
        expectProblem(response, "verify_email/resend/", "EmailVerificationLinkSentRecently");
      }
      expect(ctx.outbox.messagesTo(fields.email)).toHaveLength(sent + 1);
    });

    it("is served by the server-side axor.resendVerificationEmail", async () => {
      const app = ctx.client("app");
      const { fields } = await registerAccount(app);
      const { axor } = ctx.server;
      await expectAxorError(axor.resendVerificationEmail(serverSideClient()), "NotAuthenticated");
      await expectAxorError(
        axor.resendVerificationEmail(serverSideClient(app)),
        "EmailVerificationLinkSentRecently",
      );
      clock.advanceSeconds(61);
      const before = verificationToken(ctx.outbox, fields.email);
      await axor.resendVerificationEmail(serverSideClient(app));
      expect(verificationToken(ctx.outbox, fields.email)).not.toBe(before);
    });
  });

  describe("verify_email/resend/ with emailCooldownSeconds: 0 and the email rate limit", () => {
    const ctx = useContractServer(start, {
      emailCooldownSeconds: 0,
      rateLimits: { email: { max: 2, windowSeconds: 3600 }, register: false, login: false },
    });

    it("sends again at once without a cooldown, until the address is over the email limit: 429 RateLimited", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      expect((await web.post("verify_email/resend/")).status).toBe(204);
      expect((await web.post("verify_email/resend/")).status).toBe(204);
      const sent = ctx.outbox.messagesTo(fields.email).length;
      expectRetryAfter(
        await web.post("verify_email/resend/"),
        "verify_email/resend/",
        "RateLimited",
        3600,
      );
      expect(ctx.outbox.messagesTo(fields.email)).toHaveLength(sent);
      // The refused resend killed nothing: the last link still works.
      const token = verificationToken(ctx.outbox, fields.email);
      expect((await ctx.client().post("verify_email/", { token })).status).toBe(204);
    });
  });
}
