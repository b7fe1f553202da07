import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectUser } from "./api-object-assertions.js";
import { registerAccount } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem } from "./problem-assertions.js";
import { expectNoSessionCookie } from "./session-cookie-assertions.js";

const garbageKeys = [
  "garbage",
  "",
  "a".repeat(4000),
  "%%%",
  "a.b.c",
  "null",
  randomBytes(32).toString("base64url"),
  randomBytes(32).toString("hex"),
];

/** `me/` and credential resolution: Bearer beats cookie, bad credentials are 401, never 500. */
export function describeMeContract(start: StartContractServer): void {
  describe("me/ and credentials", () => {
    const ctx = useContractServer(start);

    it("answers 401 NotAuthenticated without a credential", async () => {
      expectProblem(await ctx.client().get("me/"), "me/", "NotAuthenticated");
      expectProblem(await ctx.client("app").get("me/"), "me/", "NotAuthenticated");
    });

    it("answers {user} to a web client's cookie and to an app client's Bearer", async () => {
      const web = ctx.client();
      const { body } = await registerAccount(web);
      const response = await web.get("me/");
      expect(response.status, response.text).toBe(200);
      expect(Object.keys(response.body as object)).toEqual(["user"]);
      expectUser((response.body as { user: unknown }).user, body.user);
      expectNoSessionCookie(response);

      const app = ctx.client("app");
      const registered = await registerAccount(app);
      const appMe = await app.get("me/");
      expect(appMe.status, appMe.text).toBe(200);
      expect(appMe.body).toEqual({ user: registered.body.user });
      expect(appMe.setCookies).toEqual([]);
    });

    it("accepts a Bearer key without any X-Requested-By header", async () => {
      const app = ctx.client("app");
      const { body } = await registerAccount(app);
      const response = await ctx
        .client()
        .get("me/", { headers: { authorization: `Bearer ${app.bearer}` } });
      expect(response.status, response.text).toBe(200);
      expect(response.body).toEqual({ user: body.user });
    });

    it.each(garbageKeys.map((key) => [key.length > 50 ? `${key.slice(0, 20)}...` : key, key]))(
      "answers 401 to the unknown or malformed cookie %j",
      async (_, key) => {
        const response = await ctx
          .client()
          .get("me/", { headers: { cookie: `axor_session=${key}` } });
        expectProblem(response, "me/", "NotAuthenticated");
      },
    );

    it.each(
      [
        ...garbageKeys.map((key) => `Bearer ${key}`),
        "Bearer",
        "Bearer  ",
        "bearer x y z",
        "Basic dXNlcjpwYXNzd29yZA==",
        "Token abc",
      ].map((value) => [value.length > 50 ? `${value.slice(0, 27)}...` : value, value]),
    )("answers 401 to the Authorization header %j", async (_, value) => {
      const response = await ctx.client("app").get("me/", { headers: { authorization: value } });
      expectProblem(response, "me/", "NotAuthenticated");
    });

    it("authenticates by the Bearer key when a request has both a Bearer key and a cookie", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const app = ctx.client("app");
      const { body: appUser } = await registerAccount(app);
      const response = await web.get("me/", { headers: { authorization: `Bearer ${app.bearer}` } });
      expect(response.status, response.text).toBe(200);
      expect(response.body).toEqual({ user: appUser.user });
    });

    it("does not fall back to a valid cookie when the Bearer key is bad", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.get("me/", {
        headers: { authorization: "Bearer not-a-real-key" },
      });
      expectProblem(response, "me/", "NotAuthenticated");
    });

    it("answers 401 to the credential of a disabled account", async () => {
      const web = ctx.client();
      const { body } = await registerAccount(web);
      const app = ctx.client("app");
      await registerAccount(app);
      const appUser = (await app.get("me/")).body as { user: { id: string } };
      const storage = ctx.server.axor.options.storage;
      for (const id of [body.user.id, appUser.user.id]) {
        await storage.updateUser(id, { isActive: false, updatedAt: new Date() });
      }
      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
      expectProblem(await app.get("me/"), "me/", "NotAuthenticated");
    });
  });
}
