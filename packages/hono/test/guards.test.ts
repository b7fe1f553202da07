import {
  type AxorEnv,
  axorApp,
  axorAuth,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
} from "@axor/hono";
import { type Context, Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API,
  expectNotAuthenticated,
  registerUser,
  type SignedInUser,
} from "../../express/test/support/http-client.js";
import { testAxor } from "../../express/test/support/test-axor.js";
import { type ListeningHono, serveOnPort0 } from "./support/hono-server.js";

let server: ListeningHono;
let web: SignedInUser;
let app: SignedInUser;

beforeAll(async () => {
  const axor = testAxor();
  const host = new Hono<AxorEnv>();
  host.route(API, axorApp(axor));
  const hello = (c: Context<AxorEnv>) =>
    c.json({ hello: c.get("axor")?.user.first_name, kind: c.get("axor")?.session.kind });
  host.get("/any", requireAuth(axor), hello);
  host.get("/cookie-only", requireSessionCookie(axor), hello);
  host.get("/app-only", requireAppToken(axor), hello);
  host.get("/optional", axorAuth(axor), (c) => {
    const auth = c.get("axor");
    return c.json({ axor: auth === null ? null : auth.user.first_name });
  });
  host.get("/twice", axorAuth(axor), requireAuth(axor), hello);
  server = await serveOnPort0(host);
  web = await registerUser(server.origin, "web");
  app = await registerUser(server.origin, "app");
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}?q=1`, { headers });
const cookie = () => ({ cookie: web.cookie ?? "" });
const bearer = () => ({ authorization: `Bearer ${app.key}` });

describe("Hono guards", () => {
  it("requireAuth: 401 envelope without a credential and with a bad one", async () => {
    await expectNotAuthenticated(await get("/any"), "/any");
    await expectNotAuthenticated(await get("/any", { authorization: "Bearer nope" }), "/any");
    await expectNotAuthenticated(await get("/any", { cookie: "axor_session=nope" }), "/any");
  });

  it("requireAuth: lets a cookie session and an app token through, with c.get('axor') set", async () => {
    expect(await (await get("/any", cookie())).json()).toEqual({ hello: "Ada", kind: "web" });
    expect(await (await get("/any", bearer())).json()).toEqual({ hello: "Ada", kind: "app" });
  });

  it("requireSessionCookie: the cookie passes, an app token gets 401", async () => {
    expect((await get("/cookie-only", cookie())).status).toBe(200);
    await expectNotAuthenticated(await get("/cookie-only", bearer()), "/cookie-only");
  });

  it("requireAppToken: the app token passes, a cookie session gets 401", async () => {
    expect((await get("/app-only", bearer())).status).toBe(200);
    await expectNotAuthenticated(await get("/app-only", cookie()), "/app-only");
  });

  it("axorAuth sets c.get('axor') to null or the user and never rejects", async () => {
    expect(await (await get("/optional")).json()).toEqual({ axor: null });
    expect(await (await get("/optional", cookie())).json()).toEqual({ axor: "Ada" });
  });

  it("a guard after axorAuth reuses its result", async () => {
    expect((await get("/twice", bearer())).status).toBe(200);
    await expectNotAuthenticated(await get("/twice"), "/twice");
  });
});
