import { describe, expect, it } from "vitest";
import { loginAccount, registerAccount } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem } from "./problem-assertions.js";
import { expectSessionCookieCleared, sessionCookieName } from "./session-cookie-assertions.js";

/** `logout/`: 204, revokes the current session or token only, clears the cookie, idempotent. */
export function describeLogoutContract(start: StartContractServer): void {
  describe("logout/", () => {
    const ctx = useContractServer(start);

    it("answers 204 with no body, clears the cookie, and the session is dead after", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const key = web.jar.get(sessionCookieName) as string;
      const response = await web.post("logout/");
      expect(response.status, response.text).toBe(204);
      expect(response.text).toBe("");
      expectSessionCookieCleared(response);
      expect(web.jar.get(sessionCookieName)).toBeUndefined();

      const stale = ctx.client();
      stale.jar.set(sessionCookieName, key);
      expectProblem(await stale.get("me/"), "me/", "NotAuthenticated");
    });

    it("revokes an app token: 204, and the Bearer key is dead after", async () => {
      const app = ctx.client("app");
      await registerAccount(app);
      const response = await app.post("logout/");
      expect(response.status, response.text).toBe(204);
      expect(response.text).toBe("");
      expect(response.setCookies).toEqual([]);
      expectProblem(await app.get("me/"), "me/", "NotAuthenticated");
    });

    it("is idempotent: a dead credential or none still gets 204", async () => {
      const app = ctx.client("app");
      await registerAccount(app);
      expect((await app.post("logout/")).status).toBe(204);
      expect((await app.post("logout/")).status).toBe(204);

      const web = ctx.client();
      await registerAccount(web);
      const key = web.jar.get(sessionCookieName) as string;
      expect((await web.post("logout/")).status).toBe(204);
      const stale = ctx.client();
      stale.jar.set(sessionCookieName, key);
      expect((await stale.post("logout/")).status).toBe(204);

      expect((await ctx.client().post("logout/")).status).toBe(204);
      expect((await ctx.client("app").post("logout/")).status).toBe(204);
    });

    it("answers 204 to a garbage credential, never an error", async () => {
      const garbage = ctx.client();
      garbage.jar.set(sessionCookieName, "garbage");
      expect((await garbage.post("logout/")).status).toBe(204);
      const response = await ctx
        .client("app")
        .post("logout/", undefined, { headers: { authorization: "Bearer garbage" } });
      expect(response.status, response.text).toBe(204);
    });

    it("revokes only the current session: the user's other sessions and tokens live on", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const otherWeb = ctx.client();
      await loginAccount(otherWeb, fields);
      const app = ctx.client("app");
      await loginAccount(app, fields);

      expect((await web.post("logout/")).status).toBe(204);
      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
      expect((await otherWeb.get("me/")).status).toBe(200);
      expect((await app.get("me/")).status).toBe(200);

      expect((await app.post("logout/")).status).toBe(204);
      expect((await otherWeb.get("me/")).status).toBe(200);
    });

    it("clears no cookie when none was sent (a cross-site form cannot sign anyone out)", async () => {
      const response = await ctx.client().post("logout/");
      expect(response.status, response.text).toBe(204);
      expect(response.setCookies).toEqual([]);
    });

    it("revokes a disabled user's session: enabling the user again does not bring it back", async () => {
      const web = ctx.client();
      const { fields, body } = await registerAccount(web);
      const app = ctx.client("app");
      await loginAccount(app, fields);
      const storage = ctx.server.axor.options.storage;
      await storage.updateUser(body.user.id, { isActive: false, updatedAt: new Date() });

      const response = await web.post("logout/");
      expect(response.status, response.text).toBe(204);
      expectSessionCookieCleared(response);
      expect((await app.post("logout/")).status).toBe(204);

      await storage.updateUser(body.user.id, { isActive: true, updatedAt: new Date() });
      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
      expectProblem(await app.get("me/"), "me/", "NotAuthenticated");
    });
  });
}
