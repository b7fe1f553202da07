import { describe, expect, it } from "vitest";
import { expectLoginResponse, expectUser } from "./api-object-assertions.js";
import { newAccountFields, registerAccount } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem } from "./problem-assertions.js";
import { expectNoSessionCookie, expectSessionCookie } from "./session-cookie-assertions.js";

const thirtyDays = 30 * 24 * 3600;

/** `register/`: 201 login response, both client modes, email normalisation, EmailInUse. */
export function describeRegisterContract(start: StartContractServer): void {
  describe("register/", () => {
    const ctx = useContractServer(start);

    it("answers 201 with the new user, null last_*, and a session cookie for a web client", async () => {
      const web = ctx.client();
      const fields = newAccountFields({ first_name: "Grace", last_name: "Hopper" });
      const response = await web.post("register/", fields);
      expect(response.status, response.text).toBe(201);
      const body = expectLoginResponse(response.body, "web");
      expect(body.last_session).toBeNull();
      expect(body.last_token_session).toBeNull();
      expectUser(body.user, {
        email: fields.email,
        first_name: "Grace",
        last_name: "Hopper",
        is_active: true,
        is_email_verified: false,
        totp_enabled: false,
      });
      expectSessionCookie(response, thirtyDays);

      const me = await web.get("me/");
      expect(me.status, me.text).toBe(200);
      expect(me.body).toEqual({ user: body.user });
    });

    it("treats X-Requested-By: web as a web client", async () => {
      const response = await ctx
        .client()
        .post("register/", newAccountFields(), { headers: { "x-requested-by": "web" } });
      expect(response.status, response.text).toBe(201);
      expectLoginResponse(response.body, "web");
      expectSessionCookie(response, thirtyDays);
    });

    it("answers an app client with session {id, key} and no cookie; the key is a Bearer", async () => {
      const app = ctx.client("app");
      const response = await app.post("register/", newAccountFields());
      expect(response.status, response.text).toBe(201);
      const body = expectLoginResponse(response.body, "app");
      expect(body.last_session).toBeNull();
      expect(body.last_token_session).toBeNull();
      expect(response.setCookies).toEqual([]);

      const me = await app.get("me/");
      expect(me.status, me.text).toBe(200);
      expect(me.body).toEqual({ user: body.user });
    });

    it("treats any X-Requested-By other than web as an app client", async () => {
      const response = await ctx
        .client()
        .post("register/", newAccountFields(), { headers: { "x-requested-by": "desktop_app" } });
      expect(response.status, response.text).toBe(201);
      expectLoginResponse(response.body, "app");
      expectNoSessionCookie(response);
    });

    it("stores the email trimmed and lower-cased", async () => {
      const fields = newAccountFields();
      const shouted = `  ${fields.email.toUpperCase()}  `;
      const response = await ctx.client().post("register/", { ...fields, email: shouted });
      expect(response.status, response.text).toBe(201);
      expectUser((response.body as { user: unknown }).user, { email: fields.email });

      const login = await ctx
        .client()
        .post("login/", { email: fields.email, password: fields.password });
      expect(login.status, login.text).toBe(200);
    });

    it("sends one verification email to the new address", async () => {
      const { fields } = await registerAccount(ctx.client());
      expect(ctx.outbox.messagesTo(fields.email)).toHaveLength(1);
    });

    it("answers 409 EmailInUse for a taken email, in any case and spacing, and writes nothing", async () => {
      const { fields } = await registerAccount(ctx.client());
      for (const email of [fields.email, fields.email.toUpperCase(), ` ${fields.email} `]) {
        const again = ctx.client();
        const response = await again.post("register/", {
          ...fields,
          email,
          password: "another password",
        });
        expectProblem(response, "register/", "EmailInUse");
        expectNoSessionCookie(response);
      }
      const login = await ctx
        .client()
        .post("login/", { email: fields.email, password: fields.password });
      expect(login.status, "the first account keeps its password").toBe(200);
      const other = await ctx
        .client()
        .post("login/", { email: fields.email, password: "another password" });
      expect(other.status).toBe(401);
    });

    it("never answers a hash or a password", async () => {
      const response = await ctx.client().post("register/", newAccountFields());
      expect(response.status).toBe(201);
      expect(response.text).not.toMatch(/hash|password|\$argon2/i);
    });
  });

  describe("register/ when registration is disabled", () => {
    const ctx = useContractServer(start, { allowRegistration: false });

    it("answers 403 RegistrationDisabled and creates nobody", async () => {
      const fields = newAccountFields();
      const response = await ctx.client().post("register/", fields);
      expectProblem(response, "register/", "RegistrationDisabled");
      expectNoSessionCookie(response);
      expect(await ctx.server.axor.options.storage.getUserByEmail(fields.email)).toBeNull();
    });
  });
}
