import { describe, expect, it } from "vitest";
import { newAccountFields, registerAccount } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem } from "./problem-assertions.js";

const trusted = "https://trusted.example.com";
const foreign = "https://evil.example.net";

/** The origin check on cookie-authenticated state changes; Bearer requests are exempt. */
export function describeCsrfContract(start: StartContractServer): void {
  describe("CSRF origin check", () => {
    const ctx = useContractServer(start, { trustedOrigins: [trusted] });

    it("answers 403 CSRFFailed to a cookie logout from a foreign Origin, and the session lives on", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("logout/", undefined, { headers: { origin: foreign } });
      expectProblem(response, "logout/", "CSRFFailed");
      expect(response.setCookies).toEqual([]);
      const me = await web.get("me/");
      expect(me.status, me.text).toBe(200);
    });

    it("answers 403 CSRFFailed to a cookie logout whose only Referer is foreign", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("logout/", undefined, {
        headers: { origin: undefined, referer: `${foreign}/page?x=1` },
      });
      expectProblem(response, "logout/", "CSRFFailed");
      expect((await web.get("me/")).status).toBe(200);
    });

    it("serves a cookie logout from the server's own origin", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("logout/", undefined, {
        headers: { origin: ctx.server.origin },
      });
      expect(response.status, response.text).toBe(204);
      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
    });

    it("serves a cookie logout whose only Referer is a page of the server's own origin", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("logout/", undefined, {
        headers: { origin: undefined, referer: `${ctx.server.origin}/account?tab=security` },
      });
      expect(response.status, response.text).toBe(204);
    });

    it("answers 403 CSRFFailed to a cookie logout with neither Origin nor Referer", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("logout/", undefined, { headers: { origin: undefined } });
      expectProblem(response, "logout/", "CSRFFailed");
      expect((await web.get("me/")).status).toBe(200);
    });

    it("answers 403 CSRFFailed to an Origin of null or of the same host on another scheme", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const otherScheme = ctx.server.origin.replace(/^http:/, "https:");
      for (const origin of ["null", otherScheme]) {
        const response = await web.post("logout/", undefined, { headers: { origin } });
        expectProblem(response, "logout/", "CSRFFailed");
      }
      expect((await web.get("me/")).status).toBe(200);
    });

    it("does not check requests that carry no credential and set no cookie", async () => {
      const response = await ctx.client().post(
        "forgot_password/request/",
        { email: "nobody@example.com" },
        {
          headers: { origin: foreign },
        },
      );
      expect(response.status, response.text).toBe(204);
    });

    it("serves a cookie logout from a trusted Origin", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("logout/", undefined, { headers: { origin: trusted } });
      expect(response.status, response.text).toBe(204);
      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
    });

    it("serves a cookie logout whose Referer is a trusted page", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("logout/", undefined, {
        headers: { origin: undefined, referer: `${trusted}/account/settings` },
      });
      expect(response.status, response.text).toBe(204);
    });

    it("exempts Bearer requests from the origin check", async () => {
      const app = ctx.client("app");
      await registerAccount(app);
      const response = await app.post("logout/", undefined, { headers: { origin: foreign } });
      expect(response.status, response.text).toBe(204);
      expectProblem(await app.get("me/"), "me/", "NotAuthenticated");
    });

    it("login CSRF: a cookie-less web login or register from a foreign Origin or Referer is 403 and signs nobody in", async () => {
      const fields = newAccountFields();
      const register = await ctx
        .client()
        .post("register/", fields, { headers: { origin: foreign } });
      expectProblem(register, "register/", "CSRFFailed");
      expect(register.headers.get("set-cookie")).toBeNull();
      await registerAccount(ctx.client("app"), fields); // the address was not taken by the forgery
      const login = await ctx
        .client()
        .post(
          "login/",
          { email: fields.email, password: fields.password },
          { headers: { origin: undefined, referer: `${foreign}/form` } },
        );
      expectProblem(login, "login/", "CSRFFailed");
      expect(login.headers.get("set-cookie")).toBeNull();
    });

    it("login CSRF: a cookie-less web logout from a foreign Origin is 403 (no cookie is cleared)", async () => {
      const response = await ctx
        .client()
        .post("logout/", undefined, { headers: { origin: foreign } });
      expectProblem(response, "logout/", "CSRFFailed");
      expect(response.headers.get("set-cookie")).toBeNull();
    });

    it("login CSRF: served from the own or a trusted origin, without Origin and Referer, and in app mode", async () => {
      const { fields } = await registerAccount(ctx.client("app"));
      const credentials = { email: fields.email, password: fields.password };
      for (const headers of [{}, { origin: trusted }, { origin: undefined }]) {
        const response = await ctx.client().post("login/", credentials, { headers });
        expect(response.status, response.text).toBe(200);
      }
      const app = await ctx
        .client("app")
        .post("login/", credentials, { headers: { origin: foreign } });
      expect(app.status, app.text).toBe(200);
    });

    it("does not check reads: GET me/ with a cookie from a foreign Origin is served", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.get("me/", { headers: { origin: foreign } });
      expect(response.status, response.text).toBe(200);
    });
  });
}
