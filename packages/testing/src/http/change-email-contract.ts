import type { SecurityEvent } from "@axor/core";
import { describe, expect, it } from "vitest";
import { expectUser } from "./api-object-assertions.js";
import { loginAccount, registerAccount } from "./contract-accounts.js";
import type { ContractClient } from "./contract-client.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";
import { uniqueEmail } from "./unique-email.js";
import {
  expectAxorError,
  expectRetryAfter,
  meOf,
  newestEmail,
  serverSideClient,
  verificationToken,
  verifyEmailSubject,
} from "./verify-email-contract.js";

const path = "change_email/";
const emailChangedSubject = "Your email address was changed";

const changeEmail = (client: ContractClient, json: unknown) => client.send("PUT", path, { json });

/**
 * `change_email/` (auth; `email`, `password`): 200 `{user}` with the new, unverified email;
 * the verification link goes to the new address and `emailChanged` to the old one;
 * ValidationError, InvalidPassword, SameEmail, EmailInUse, the `email` rate limit.
 */
export function describeChangeEmailContract(start: StartContractServer): void {
  describe("change_email/", () => {
    const clock = new FakeClock();
    const events: SecurityEvent[] = [];
    const ctx = useContractServer(
      start,
      { now: () => clock.now(), onEvent: (event) => events.push(event) },
      () => clock.now(),
    );
    const eventsOf = (userId: string) =>
      events.filter((event) => event.userId === userId).map((event) => event.type);

    it.each(["web", "app"] as const)(
      "changes a %s caller's email: 200 {user}, unverified; the link goes to the new address, the notice to the old",
      async (mode) => {
        const client = ctx.client(mode);
        const { fields, body } = await registerAccount(client);
        const oldLink = verificationToken(ctx.outbox, fields.email);
        const email = uniqueEmail("changed");
        clock.advanceSeconds(5);

        const response = await changeEmail(client, { email, password: fields.password });
        expect(response.status, response.text).toBe(200);
        expect(Object.keys(response.body as object)).toEqual(["user"]);
        const { user } = response.body as { user: Record<string, unknown> };
        expectUser(user, {
          id: body.user.id,
          email,
          is_email_verified: false,
          first_name: fields.first_name,
        });
        expect(user.updated_at).not.toBe(body.user.updated_at);
        expect(response.setCookies).toEqual([]);
        expect(await meOf(client)).toEqual(user);
        expect(eventsOf(body.user.id)).toContain("email_changed");

        const notice = newestEmail(ctx.outbox, fields.email, emailChangedSubject);
        expect(notice.text).toContain(fields.first_name);
        expect(notice.text).not.toContain(email);
        expect(ctx.outbox.messagesTo(email).map((mail) => mail.subject)).toEqual([
          verifyEmailSubject,
        ]);

        // The link sent to the old address died with it; the new one verifies the new address.
        expectProblem(
          await ctx.client().post("verify_email/", { token: oldLink }),
          "verify_email/",
          "InvalidToken",
        );
        const token = verificationToken(ctx.outbox, email);
        expect((await ctx.client().post("verify_email/", { token })).status).toBe(204);
        expect((await meOf(client)).is_email_verified).toBe(true);
      },
    );

    it("unverifies a verified email, and the account signs in with the new address only", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      await ctx
        .client()
        .post("verify_email/", { token: verificationToken(ctx.outbox, fields.email) });
      expect((await meOf(web)).is_email_verified).toBe(true);
      const email = uniqueEmail("moved");

      const response = await changeEmail(web, { email, password: fields.password });
      expect(response.status, response.text).toBe(200);
      expect(
        (response.body as { user: { is_email_verified: boolean } }).user.is_email_verified,
      ).toBe(false);
      expectProblem(
        await ctx.client().post("login/", { email: fields.email, password: fields.password }),
        "login/",
        "InvalidCredentials",
      );
      await loginAccount(ctx.client("app"), { email, password: fields.password });
      // The old address is free again.
      await registerAccount(ctx.client(), { email: fields.email });
    });

    it("trims and lower-cases the new address", async () => {
      const app = ctx.client("app");
      const { fields } = await registerAccount(app);
      const email = uniqueEmail("upper");
      const response = await changeEmail(app, {
        email: `  ${email.toUpperCase()} `,
        password: fields.password,
      });
      expect(response.status, response.text).toBe(200);
      expect((response.body as { user: { email: string } }).user.email).toBe(email);
    });

    it("answers 400 InvalidPassword to a wrong password and changes nothing", async () => {
      const web = ctx.client();
      const { fields, body } = await registerAccount(web);
      const email = uniqueEmail();
      const problem = expectProblem(
        await changeEmail(web, { email, password: "wrong password" }),
        path,
        "InvalidPassword",
      );
      expect(problem.detail).toBe("The password is incorrect.");
      const app = ctx.client("app");
      await loginAccount(app, fields);
      const response = await changeEmail(app, { email, password: "wrong password" });
      expect(expectProblem(response, path, "InvalidPassword").detail).toBe(
        "The password is incorrect.",
      );
      expect((await meOf(web)).email).toBe(fields.email);
      expect(ctx.outbox.messagesTo(email)).toEqual([]);
      expect(ctx.outbox.messagesTo(fields.email).map((mail) => mail.subject)).not.toContain(
        emailChangedSubject,
      );
      expect(eventsOf(body.user.id)).not.toContain("email_changed");
    });

    it("answers 400 SameEmail to the current address, however it is typed", async () => {
      const app = ctx.client("app");
      const { fields } = await registerAccount(app);
      for (const email of [fields.email, ` ${fields.email.toUpperCase()}`]) {
        expectProblem(
          await changeEmail(app, { email, password: fields.password }),
          path,
          "SameEmail",
        );
      }
      const web = ctx.client();
      await loginAccount(web, fields);
      expectProblem(
        await changeEmail(web, { email: fields.email, password: fields.password }),
        path,
        "SameEmail",
      );
    });

    it("answers 409 EmailInUse to another account's address, and changes nothing", async () => {
      const { fields: other } = await registerAccount(ctx.client());
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const before = ctx.outbox.messages.length;
      for (const email of [other.email, other.email.toUpperCase()]) {
        expectProblem(
          await changeEmail(web, { email, password: fields.password }),
          path,
          "EmailInUse",
        );
      }
      const app = ctx.client("app");
      await loginAccount(app, fields);
      expectProblem(
        await changeEmail(app, { email: other.email, password: fields.password }),
        path,
        "EmailInUse",
      );
      expect((await meOf(web)).email).toBe(fields.email);
      expect(ctx.outbox.messages).toHaveLength(before);
    });

    it.each([
      ["email", { email: "not-an-email" }],
      ["email", { email: "" }],
      ["email", { email: `${"a".repeat(140)}@example.com` }],
      ["email", { email: 42 }],
      ["email", { email: undefined }],
      ["password", { password: "" }],
      ["password", { password: undefined }],
      ["password", { password: ["x"] }],
    ])("answers 400 ValidationError naming %s for %j", async (field, override) => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const body = { email: uniqueEmail(), password: fields.password, ...override };
      expectValidationError(await changeEmail(web, body), path, field);
      expect((await meOf(web)).email).toBe(fields.email);
    });

    it("answers 401 NotAuthenticated without a credential", async () => {
      const body = { email: uniqueEmail(), password: "correct horse battery staple" };
      expectProblem(await changeEmail(ctx.client(), body), path, "NotAuthenticated");
      expectProblem(await changeEmail(ctx.client("app"), body), path, "NotAuthenticated");
    });

    it("refuses a cookie-authenticated change from a foreign origin: 403 CSRFFailed", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const response = await web.send("PUT", path, {
        json: { email: uniqueEmail(), password: fields.password },
        headers: { origin: "https://evil.example" },
      });
      expectProblem(response, path, "CSRFFailed");
      expect((await meOf(web)).email).toBe(fields.email);
    });

    it("answers 405 to POST", async () => {
      const response = await ctx.client().post(path, { email: uniqueEmail(), password: "x" });
      expectProblem(response, path, "MethodNotAllowed");
      expect(response.headers.get("allow")).toContain("PUT");
    });

    it("is served by the server-side axor.changeEmail, which throws the same errors", async () => {
      const app = ctx.client("app");
      const { fields } = await registerAccount(app);
      const { axor } = ctx.server;
      const email = uniqueEmail("server");
      await expectAxorError(
        axor.changeEmail({ email, password: fields.password }, serverSideClient()),
        "NotAuthenticated",
      );
      await expectAxorError(
        axor.changeEmail({ email, password: "wrong password" }, serverSideClient(app)),
        "InvalidPassword",
      );
      await expectAxorError(
        axor.changeEmail({ email: fields.email, password: fields.password }, serverSideClient(app)),
        "SameEmail",
      );
      const user = await axor.changeEmail(
        { email, password: fields.password },
        serverSideClient(app),
      );
      expect(user).toMatchObject({ email, is_email_verified: false });
      expect(verificationToken(ctx.outbox, email)).toBeTypeOf("string");
      newestEmail(ctx.outbox, fields.email, emailChangedSubject);
    });
  });

  describe("change_email/ and the email rate limit", () => {
    const ctx = useContractServer(start, {
      rateLimits: { email: { max: 2, windowSeconds: 3600 }, register: false, login: false },
    });

    it("answers 429 RateLimited with Retry-After once the client IP asked for too many emails", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      for (let i = 0; i < 2; i++) {
        const response = await changeEmail(web, {
          email: uniqueEmail(),
          password: fields.password,
        });
        expect(response.status, response.text).toBe(200);
      }
      const email = uniqueEmail();
      const current = (await meOf(web)).email;
      expectRetryAfter(
        await changeEmail(web, { email, password: fields.password }),
        path,
        "RateLimited",
        3600,
      );
      expect((await meOf(web)).email).toBe(current);
      expect(ctx.outbox.messagesTo(email)).toEqual([]);
    });
  });
}
