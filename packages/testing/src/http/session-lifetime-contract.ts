import { describe, expect, it } from "vitest";
import { loginAccount, registerAccount } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import { expectProblem } from "./problem-assertions.js";
import { expectNoSessionCookie, expectSessionCookie } from "./session-cookie-assertions.js";

const webLifetime = 3600;
const appLifetime = 7200;

/** Session and token expiry and sliding, on a fake clock. */
export function describeSessionLifetimeContract(start: StartContractServer): void {
  describe("session lifetime and sliding", () => {
    const clock = new FakeClock();
    const ctx = useContractServer(
      start,
      {
        webSessionLifetimeSeconds: webLifetime,
        appTokenLifetimeSeconds: appLifetime,
        now: () => clock.now(),
      },
      () => clock.now(),
    );

    it("sets the cookie's Max-Age to the configured web lifetime", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const response = await web.post("login/", { email: fields.email, password: fields.password });
      expectSessionCookie(response, webLifetime);
    });

    it("answers 401 to a web session past its lifetime", async () => {
      const web = ctx.client();
      await registerAccount(web);
      clock.advanceSeconds(webLifetime + 1);
      // The jar keeps the cookie whatever its Max-Age: the server must refuse it.
      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
    });

    it("does not re-set the cookie when the session is used in the first half of its lifetime", async () => {
      const web = ctx.client();
      await registerAccount(web);
      clock.advanceSeconds(webLifetime / 2 - 60);
      const response = await web.get("me/");
      expect(response.status, response.text).toBe(200);
      expectNoSessionCookie(response);
    });

    it("slides a web session used in the last half of its lifetime and re-sets its cookie", async () => {
      const web = ctx.client();
      await registerAccount(web);
      clock.advanceSeconds(webLifetime / 2 + 60);
      const slid = await web.get("me/");
      expect(slid.status, slid.text).toBe(200);
      expectSessionCookie(slid, webLifetime);

      clock.advanceSeconds(webLifetime / 2 + 60); // past the first expiry, within the new one
      const later = await web.get("me/");
      expect(later.status, later.text).toBe(200);

      clock.advanceSeconds(webLifetime + 1);
      expectProblem(await web.get("me/"), "me/", "NotAuthenticated");
    });

    it("answers 401 to an app token past its lifetime", async () => {
      const app = ctx.client("app");
      await registerAccount(app);
      clock.advanceSeconds(webLifetime + 60);
      expect((await app.get("me/")).status, "an app token outlives a web session").toBe(200);
      clock.advanceSeconds(appLifetime + 1);
      expectProblem(await app.get("me/"), "me/", "NotAuthenticated");
    });

    it("slides an app token used in the last half of its lifetime, without any cookie", async () => {
      const app = ctx.client("app");
      await registerAccount(app);
      clock.advanceSeconds(appLifetime / 2 + 60);
      const slid = await app.get("me/");
      expect(slid.status, slid.text).toBe(200);
      expect(slid.setCookies).toEqual([]);
      clock.advanceSeconds(appLifetime / 2 + 60);
      expect((await app.get("me/")).status).toBe(200);
    });

    it("reports expire_at one lifetime after creation on a fresh token", async () => {
      const app = ctx.client("app");
      const { fields } = await registerAccount(app);
      const body = await loginAccount(ctx.client("app"), fields);
      const token = body.last_token_session as { created_at: string; expire_at: string };
      expect(Date.parse(token.expire_at) - Date.parse(token.created_at)).toBe(appLifetime * 1000);
    });
  });
}
