import {
  axorAuth,
  axorRouter,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
} from "@axor/express";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ListeningServer, listen } from "./support/express-server.js";
import {
  API,
  expectNotAuthenticated,
  registerUser,
  type SignedInUser,
} from "./support/http-client.js";
import { testAxor } from "./support/test-axor.js";

let server: ListeningServer;
let web: SignedInUser;
let app: SignedInUser;

beforeAll(async () => {
  const axor = testAxor();
  const host = express();
  host.use(API, axorRouter(axor));
  const hello = (req: express.Request, res: express.Response) => {
    res.json({ hello: req.axor?.user.first_name, kind: req.axor?.session.kind });
  };
  host.get("/any", requireAuth(axor), hello);
  host.get("/cookie-only", requireSessionCookie(axor), hello);
  host.get("/app-only", requireAppToken(axor), hello);
  host.get("/optional", axorAuth(axor), (req, res) => {
    res.json({ axor: req.axor === null ? null : req.axor?.user.first_name });
  });
  host.get("/twice", axorAuth(axor), requireAuth(axor), hello);
  server = await listen(host);
  web = await registerUser(server.origin, "web");
  app = await registerUser(server.origin, "app");
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}?q=1`, { headers });
const cookie = () => ({ cookie: web.cookie ?? "" });
const bearer = () => ({ authorization: `Bearer ${app.key}` });

describe("Express guards", () => {
  it("requireAuth: 401 envelope without a credential, with a bad one, and for a revoked one", async () => {
    await expectNotAuthenticated(await get("/any"), "/any");
    await expectNotAuthenticated(await get("/any", { authorization: "Bearer nope" }), "/any");
    await expectNotAuthenticated(await get("/any", { cookie: "axor_session=nope" }), "/any");
  });

  it("requireAuth: lets a cookie session and an app token through, with req.axor set", async () => {
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

  it("axorAuth sets req.axor to null or the user and never rejects", async () => {
    expect(await (await get("/optional")).json()).toEqual({ axor: null });
    expect(await (await get("/optional", cookie())).json()).toEqual({ axor: "Ada" });
  });

  it("a guard after axorAuth reuses its result", async () => {
    expect((await get("/twice", bearer())).status).toBe(200);
    await expectNotAuthenticated(await get("/twice"), "/twice");
  });

  it("a logged-out session no longer passes", async () => {
    const other = await registerUser(server.origin, "app");
    const headers = { authorization: `Bearer ${other.key}`, "x-requested-by": "mobile_app" };
    expect((await get("/any", headers)).status).toBe(200);
    const logout = await fetch(`${server.origin}${API}/logout/`, { method: "POST", headers });
    expect(logout.status).toBe(204);
    await expectNotAuthenticated(await get("/any", headers), "/any");
  });
});
