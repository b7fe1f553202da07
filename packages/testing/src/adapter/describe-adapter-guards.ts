import type { AuthState } from "@axor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  type AppRoute,
  type StartAdapterServer,
} from "./adapter-server.js";
import { adapterTestAxor } from "./adapter-test-axor.js";
import { expectNotAuthenticated, problemOf } from "./problem-answers.js";
import { registerOverHttp, type SignedInUser } from "./register-over-http.js";

const who = (auth: AuthState | null | undefined) => ({
  hello: auth?.user.first_name,
  kind: auth?.session.kind,
});

/** One route per guard, one behind `axorAuth` alone, one behind `axorAuth` then a guard. */
const guardedRoutes: AppRoute[] = [
  { path: "/any", guards: ["requireAuth"], reply: who },
  { path: "/cookie-only", guards: ["requireSessionCookie"], reply: who },
  { path: "/app-only", guards: ["requireAppToken"], reply: who },
  {
    path: "/optional",
    guards: ["axorAuth"],
    reply: (auth) => ({ axor: auth === null ? null : auth?.user.first_name }),
  },
  { path: "/twice", guards: ["axorAuth", "requireAuth"], reply: who },
  { path: "/by-hand", guards: ["axorAuth", "checkOrigin"], reply: who },
];

/**
 * An adapter's `axorAuth` and guards on the app's own routes: who each lets through, the 401
 * envelope for the others, the current user they expose, a guard reusing `axorAuth`'s result,
 * the CSRF origin check on cookie-authenticated POSTs (also run by hand, the `checkOrigin`
 * route guard), and a logged-out session refused. One server (from `start`) serves the whole
 * suite.
 *
 * @example
 * ```ts
 * import { describeAdapterGuards } from "@axor/testing";
 *
 * describeAdapterGuards("Express", startExpressServer); // see StartAdapterServer
 * ```
 */
export function describeAdapterGuards(name: string, start: StartAdapterServer): void {
  describe(`${name} guards`, () => {
    let server: AdapterServer;
    let web: SignedInUser;
    let app: SignedInUser;

    beforeAll(async () => {
      server = await start({ axor: adapterTestAxor(), mountPath: API, routes: guardedRoutes });
      web = await registerOverHttp(server.origin, "web");
      app = await registerOverHttp(server.origin, "app");
    });
    afterAll(() => server?.close());

    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.origin}${path}?q=1`, { headers });
    const cookie = () => ({ cookie: web.cookie ?? "" });
    const bearer = () => ({ authorization: `Bearer ${app.key}` });

    it("requireAuth: 401 envelope without a credential and with a bad one", async () => {
      await expectNotAuthenticated(await get("/any"), "/any");
      await expectNotAuthenticated(await get("/any", { authorization: "Bearer nope" }), "/any");
      await expectNotAuthenticated(await get("/any", { cookie: "axor_session=nope" }), "/any");
    });

    it("requireAuth: lets a cookie session and an app token through, with the current user set", async () => {
      expect(await (await get("/any", cookie())).json()).toEqual({ hello: "Ada", kind: "web" });
      expect(await (await get("/any", bearer())).json()).toEqual({ hello: "Ada", kind: "app" });
    });

    it("requireSessionCookie: the cookie passes, an app token gets 401", async () => {
      expect((await get("/cookie-only", cookie())).status).toBe(200);
      await expectNotAuthenticated(await get("/cookie-only", bearer()), "/cookie-only");
      await expectNotAuthenticated(await get("/cookie-only"), "/cookie-only");
    });

    it("requireAppToken: the app token passes, a cookie session gets 401", async () => {
      expect((await get("/app-only", bearer())).status).toBe(200);
      await expectNotAuthenticated(await get("/app-only", cookie()), "/app-only");
      await expectNotAuthenticated(await get("/app-only"), "/app-only");
    });

    it("axorAuth sets the current user to null or the user and never rejects", async () => {
      expect(await (await get("/optional")).json()).toEqual({ axor: null });
      expect(await (await get("/optional", cookie())).json()).toEqual({ axor: "Ada" });
    });

    it("a guard after axorAuth reuses its result", async () => {
      expect((await get("/twice", bearer())).status).toBe(200);
      await expectNotAuthenticated(await get("/twice"), "/twice");
    });

    it("guards refuse a cross-site POST with the session cookie (403 CSRFFailed)", async () => {
      const post = (path: string, headers: Record<string, string>) =>
        fetch(`${server.origin}${path}`, { method: "POST", headers });
      const foreign = { origin: "https://evil.example" };
      for (const path of ["/any", "/cookie-only", "/twice"]) {
        const refused = await problemOf(await post(path, { ...cookie(), ...foreign }));
        expect(refused).toEqual({ status: 403, code: "CSRFFailed", instance: path });
        const noOrigin = await problemOf(await post(path, cookie()));
        expect(noOrigin).toMatchObject({ status: 403, code: "CSRFFailed" });
        expect((await post(path, { ...cookie(), origin: server.origin })).status).toBe(200);
      }
      // A Bearer key is no ambient credential: exempt, as on the Axor endpoints.
      expect((await post("/any", { ...bearer(), ...foreign })).status).toBe(200);
      expect((await post("/app-only", { ...bearer(), ...cookie(), ...foreign })).status).toBe(200);
      // The adapter's toAxorRequest with axor.checkOrigin on a route of the app's own.
      const byHand = await problemOf(await post("/by-hand", { ...cookie(), ...foreign }));
      expect(byHand).toEqual({ status: 403, code: "CSRFFailed", instance: "/by-hand" });
      expect((await post("/by-hand", { ...cookie(), origin: server.origin })).status).toBe(200);
      // Anonymous: still 401, not 403. axorAuth alone does not check (it never rejects).
      await expectNotAuthenticated(await post("/any", foreign), "/any");
      expect((await post("/optional", { ...cookie(), ...foreign })).status).toBe(200);
    });

    it("a logged-out session no longer passes", async () => {
      const other = await registerOverHttp(server.origin, "app");
      const headers = { authorization: `Bearer ${other.key}`, "x-requested-by": "mobile_app" };
      expect((await get("/any", headers)).status).toBe(200);
      const logout = await fetch(`${server.origin}${API}/logout/`, { method: "POST", headers });
      expect(logout.status).toBe(204);
      await expectNotAuthenticated(await get("/any", headers), "/any");
    });
  });
}
