import { describe, expect, it } from "vitest";
import {
  expectAppToken,
  expectLoginResponse,
  expectSession,
  expectUser,
} from "./api-object-assertions.js";
import { loginAccount, registerAccount } from "./contract-accounts.js";
import { contractUserAgent } from "./contract-client.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";
import { expectNoSessionCookie, expectSessionCookie } from "./session-cookie-assertions.js";
import { uniqueEmail } from "./unique-email.js";

const thirtyDays = 30 * 24 * 3600;

/** `login/`: both modes, a new session each time, last_*, InvalidCredentials, AccountDisabled. */
export function describeLoginContract(start: StartContractServer): void {
  describe("login/", () => {
    const ctx = useContractServer(start);

    it("answers 200 with the user and a session cookie for a web client", async () => {
      const { fields, body: registered } = await registerAccount(ctx.client("app"));
      const web = ctx.client();
      const response = await web.post("login/", { email: fields.email, password: fields.password });
      expect(response.status, response.text).toBe(200);
      const body = expectLoginResponse(response.body, "web");
      expect(body.user).toEqual(registered.user);
      expectSessionCookie(response, thirtyDays);
      const me = await web.get("me/");
      expect(me.status, me.text).toBe(200);
      expect(me.body).toEqual({ user: registered.user });
    });

    it("answers an app client with session {id, key} and no cookie", async () => {
      const { fields, body: registered } = await registerAccount(ctx.client());
      const app = ctx.client("app");
      const response = await app.post("login/", { email: fields.email, password: fields.password });
      expect(response.status, response.text).toBe(200);
      const body = expectLoginResponse(response.body, "app");
      expect(body.user).toEqual(registered.user);
      expect(response.setCookies).toEqual([]);
      const me = await app.get("me/");
      expect(me.status, me.text).toBe(200);
      expect(me.body).toEqual({ user: registered.user });
    });

    it("creates a new session on every login, and the earlier ones stay valid", async () => {
      const { fields } = await registerAccount(ctx.client());
      const first = ctx.client();
      const second = ctx.client();
      await loginAccount(first, fields);
      await loginAccount(second, fields);
      const firstKey = first.jar.get("axor_session");
      expect(firstKey).toBeDefined();
      expect(second.jar.get("axor_session")).not.toBe(firstKey);
      expect((await first.get("me/")).status).toBe(200);
      expect((await second.get("me/")).status).toBe(200);

      const appA = ctx.client("app");
      const appB = ctx.client("app");
      const a = await loginAccount(appA, fields);
      const b = await loginAccount(appB, fields);
      expect(a.session?.id).not.toBe(b.session?.id);
      expect(a.session?.key).not.toBe(b.session?.key);
      expect((await appA.get("me/")).status).toBe(200);
      expect((await appB.get("me/")).status).toBe(200);
    });

    it("reports the newest earlier session and token in last_session / last_token_session", async () => {
      const { fields, body: registered } = await registerAccount(ctx.client());
      expect(registered.last_session).toBeNull();
      expect(registered.last_token_session).toBeNull();

      // The register/ session (web) is the newest web session before this login.
      const second = await loginAccount(ctx.client(), fields);
      expectSession(second.last_session, { is_valid: true, ua: contractUserAgent });
      expect(second.last_token_session).toBeNull();

      const third = await loginAccount(ctx.client("app"), fields);
      expectSession(third.last_session, { is_valid: true, ua: contractUserAgent });
      expect(third.last_session?.id).not.toBe(second.last_session?.id);
      expect(third.last_token_session).toBeNull();

      const fourth = await loginAccount(ctx.client("app"), fields);
      expect(fourth.last_session).toEqual(third.last_session);
      expectAppToken(fourth.last_token_session, {
        id: third.session?.id,
        is_valid: true,
        ua: contractUserAgent,
      });
    });

    it("has null last_session on the first web login after an app registration", async () => {
      const { fields } = await registerAccount(ctx.client("app"));
      const body = await loginAccount(ctx.client(), fields);
      expect(body.last_session).toBeNull();
      expectAppToken(body.last_token_session, { is_valid: true });
    });

    it("shows a logged-out earlier session as is_valid: false", async () => {
      const { fields } = await registerAccount(ctx.client("app"));
      const web = ctx.client();
      await loginAccount(web, fields);
      expect((await web.post("logout/")).status).toBe(204);
      const body = await loginAccount(ctx.client(), fields);
      expectSession(body.last_session, { is_valid: false });
    });

    it("gives a web session an expire_at one lifetime after its creation", async () => {
      const { fields } = await registerAccount(ctx.client());
      const body = await loginAccount(ctx.client(), fields);
      const session = body.last_session as { created_at: string; expire_at: string };
      const lifetime = Date.parse(session.expire_at) - Date.parse(session.created_at);
      expect(Math.abs(lifetime - thirtyDays * 1000)).toBeLessThan(2000);
    });

    it("matches the email case-insensitively and ignores surrounding spaces", async () => {
      const { fields } = await registerAccount(ctx.client());
      const response = await ctx
        .client()
        .post("login/", { email: ` ${fields.email.toUpperCase()} `, password: fields.password });
      expect(response.status, response.text).toBe(200);
    });

    it("answers the same 401 InvalidCredentials to an unknown email and to a wrong password", async () => {
      const { fields } = await registerAccount(ctx.client());
      const unknown = await ctx
        .client()
        .post("login/", { email: uniqueEmail(), password: fields.password });
      const wrong = await ctx
        .client()
        .post("login/", { email: fields.email, password: "wrong password" });
      expectProblem(unknown, "login/", "InvalidCredentials");
      expectProblem(wrong, "login/", "InvalidCredentials");
      expect(wrong.text).toBe(unknown.text);
      expectNoSessionCookie(wrong);
      expectNoSessionCookie(unknown);
    });

    it("answers 403 AccountDisabled only after a correct password", async () => {
      const { fields, body } = await registerAccount(ctx.client());
      const storage = ctx.server.axor.options.storage;
      await storage.updateUser(body.user.id, { isActive: false, updatedAt: new Date() });

      const wrong = await ctx
        .client()
        .post("login/", { email: fields.email, password: "wrong password" });
      expectProblem(wrong, "login/", "InvalidCredentials");

      const right = await ctx
        .client()
        .post("login/", { email: fields.email, password: fields.password });
      expectProblem(right, "login/", "AccountDisabled");
      expectNoSessionCookie(right);

      const app = await ctx
        .client("app")
        .post("login/", { email: fields.email, password: fields.password });
      expectProblem(app, "login/", "AccountDisabled");
    });

    it.each(["email", "password"])(
      "answers ValidationError naming %s when it is missing",
      async (field) => {
        const body: Record<string, string> = { email: uniqueEmail(), password: "long enough" };
        delete body[field];
        expectValidationError(await ctx.client().post("login/", body), "login/", field);
      },
    );

    it.each([
      ["a number", 12345678],
      ["null", null],
      ["an array", ["x"]],
      ["an object", { x: "y" }],
      ["a boolean", false],
    ])("answers ValidationError when email or password is %s", async (_, value) => {
      for (const field of ["email", "password"]) {
        const body = { email: uniqueEmail(), password: "long enough", [field]: value };
        expectValidationError(await ctx.client().post("login/", body), "login/", field);
      }
    });

    it("answers ValidationError naming email when it is over 150 characters", async () => {
      const email = `${"a".repeat(140)}@example.com`;
      expectValidationError(
        await ctx.client().post("login/", { email, password: "long enough" }),
        "login/",
        "email",
      );
    });

    it("returns the user object with every field typed", async () => {
      const { fields } = await registerAccount(ctx.client());
      const body = await loginAccount(ctx.client(), fields);
      expectUser(body.user, { email: fields.email, is_active: true });
    });
  });
}
