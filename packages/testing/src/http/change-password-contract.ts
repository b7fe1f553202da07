import type { AxorOptions } from "@axor/core";
import { describe, expect, it } from "vitest";
import { loginAccount, registerAccount } from "./contract-accounts.js";
import type { ContractClient } from "./contract-client.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectNoContent, linkToken, waitForEmails } from "./password-reset-contract.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";

type SecurityEvent = Parameters<NonNullable<AxorOptions["onEvent"]>>[0];

const path = "change_password/";
const changedSubject = "Your password was changed";
const newPassword = "battery staple horse correct";

const change = (client: ContractClient, body: unknown, headers?: Record<string, string>) =>
  client.send("PUT", path, { json: body, ...(headers ? { headers } : {}) });

/**
 * `change_password/`: 204; the caller's session stays and every other session and token is
 * revoked; InvalidOldPassword, InvalidNewPassword, validation, authentication and CSRF.
 */
export function describeChangePasswordContract(start: StartContractServer): void {
  describe("change_password/", () => {
    const events: SecurityEvent[] = [];
    const ctx = useContractServer(start, { onEvent: (event) => events.push(event) });

    it.each(["web", "app"] as const)(
      "answers 204 (%s): the caller stays signed in, every other session and token is revoked",
      async (mode) => {
        const caller = ctx.client(mode);
        const { fields, body } = await registerAccount(caller);
        const otherWeb = ctx.client();
        await loginAccount(otherWeb, fields);
        const otherApp = ctx.client("app");
        await loginAccount(otherApp, fields);

        const response = await change(caller, {
          old_password: fields.password,
          new_password: newPassword,
        });
        expectNoContent(response);

        expect((await caller.get("me/")).status).toBe(200);
        expectProblem(await otherWeb.get("me/"), "me/", "NotAuthenticated");
        expectProblem(await otherApp.get("me/"), "me/", "NotAuthenticated");
        expectProblem(await ctx.client().post("login/", fields), "login/", "InvalidCredentials");
        await loginAccount(ctx.client(), { email: fields.email, password: newPassword });
        const [email] = await waitForEmails(ctx.outbox, fields.email, changedSubject);
        expect(email?.text).not.toContain(newPassword);
        const types = events.filter((e) => e.userId === body.user.id).map((e) => e.type);
        expect(types).toContain("password_changed");
      },
    );

    it("answers 400 InvalidOldPassword to a wrong old password, and changes nothing", async () => {
      const caller = ctx.client("app");
      const { fields } = await registerAccount(caller);
      const other = ctx.client();
      await loginAccount(other, fields);
      const response = await change(caller, {
        old_password: "not the password",
        new_password: newPassword,
      });
      expectProblem(response, path, "InvalidOldPassword");
      expect((await other.get("me/")).status).toBe(200);
      await loginAccount(ctx.client(), fields);
      expect(ctx.outbox.messagesTo(fields.email).map((m) => m.subject)).not.toContain(
        changedSubject,
      );
    });

    it("answers 400 InvalidNewPassword naming new_password when the policy refuses it", async () => {
      const caller = ctx.client();
      const { fields } = await registerAccount(caller);
      const other = ctx.client("app");
      await loginAccount(other, fields);
      for (const password of ["short", "x".repeat(257), "\ud800 lone surrogate"]) {
        const response = await change(caller, {
          old_password: fields.password,
          new_password: password,
        });
        const problem = expectProblem(response, path, "InvalidNewPassword");
        expect(Object.keys(problem.errors ?? {})).toEqual(["new_password"]);
      }
      expect((await other.get("me/")).status).toBe(200);
      await loginAccount(ctx.client(), fields);
    });

    it("answers ValidationError for missing, blank or non-string fields", async () => {
      const caller = ctx.client();
      const { fields } = await registerAccount(caller);
      for (const field of ["old_password", "new_password"]) {
        for (const value of [undefined, "", 12345678, null]) {
          const body = { old_password: fields.password, new_password: newPassword, [field]: value };
          expectValidationError(await change(caller, body), path, field);
        }
      }
      expectProblem(await change(caller, ["x"]), path, "ValidationError");
      await loginAccount(ctx.client(), fields);
    });

    it("answers 401 NotAuthenticated without a live credential", async () => {
      const body = { old_password: "whatever it is", new_password: newPassword };
      expectProblem(await change(ctx.client(), body), path, "NotAuthenticated");
      expectProblem(await change(ctx.client("app"), body), path, "NotAuthenticated");
      const garbage = ctx.client("app");
      garbage.bearer = "garbage-garbage-garbage";
      expectProblem(await change(garbage, body), path, "NotAuthenticated");
    });

    it("answers 403 CSRFFailed to a cookie request from a foreign origin, and changes nothing", async () => {
      const caller = ctx.client();
      const { fields } = await registerAccount(caller);
      const body = { old_password: fields.password, new_password: newPassword };
      const response = await change(caller, body, { origin: "https://evil.example" });
      expectProblem(response, path, "CSRFFailed");
      await loginAccount(ctx.client(), fields);
    });

    it("kills a pending reset link", async () => {
      const caller = ctx.client();
      const { fields } = await registerAccount(caller);
      const request = await ctx.client().post("forgot_password/request/", { email: fields.email });
      expectNoContent(request);
      const [email] = await waitForEmails(ctx.outbox, fields.email, "Reset your password");
      const token = linkToken(email);
      expectNoContent(
        await change(caller, { old_password: fields.password, new_password: newPassword }),
      );
      const validate = await ctx.client().post("forgot_password/validate/", { token });
      expectProblem(validate, "forgot_password/validate/", "InvalidToken");
    });
  });

  describe("change_password/ and the failed-login limit", () => {
    const limitedEvents: SecurityEvent[] = [];
    const ctx = useContractServer(start, {
      rateLimits: { loginAccount: { max: 3, windowSeconds: 60 }, register: false },
      onEvent: (event) => limitedEvents.push(event),
    });

    it("counts wrong old passwords against the account's ceiling: the 4th attempt is 429 (limit 3)", async () => {
      const caller = ctx.client("app");
      const { fields, body } = await registerAccount(caller);
      for (let i = 0; i < 3; i++) {
        const wrong = await change(caller, {
          old_password: `wrong ${i}`,
          new_password: newPassword,
        });
        expectProblem(wrong, path, "InvalidOldPassword");
      }
      const right = await change(caller, {
        old_password: fields.password,
        new_password: newPassword,
      });
      expectProblem(right, path, "RateLimited");
      expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
      const types = limitedEvents.filter((e) => e.userId === body.user.id).map((e) => e.type);
      expect(types.filter((type) => type === "password_change_failed")).toHaveLength(3);
      expect(types).not.toContain("password_changed");
    });
  });
}
