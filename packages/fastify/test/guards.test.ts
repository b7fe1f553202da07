import {
  axorAuth,
  axorPlugin,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
} from "@axor/fastify";
import type { FastifyRequest } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API,
  expectNotAuthenticated,
  registerUser,
  type SignedInUser,
} from "../../express/test/support/http-client.js";
import { testAxor } from "../../express/test/support/test-axor.js";
import { type ListeningFastify, serveFastify } from "./support/fastify-server.js";

let server: ListeningFastify;
let web: SignedInUser;
let app: SignedInUser;

beforeAll(async () => {
  const axor = testAxor();
  const hello = async (request: FastifyRequest) => ({
    hello: request.axor?.user.first_name,
    kind: request.axor?.session.kind,
  });
  server = await serveFastify(async (host) => {
    await host.register(axorPlugin, { axor, prefix: API });
    host.get("/any", { preHandler: requireAuth(axor) }, hello);
    host.get("/cookie-only", { preHandler: requireSessionCookie(axor) }, hello);
    host.get("/app-only", { preHandler: requireAppToken(axor) }, hello);
    host.get("/optional", { preHandler: axorAuth(axor) }, async (request) => ({
      axor: request.axor === null ? null : request.axor.user.first_name,
    }));
    host.get("/undecided", async (request) => ({ axor: request.axor }));
    host.get("/twice", { onRequest: axorAuth(axor), preHandler: requireAuth(axor) }, hello);
  });
  web = await registerUser(server.origin, "web");
  app = await registerUser(server.origin, "app");
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}?q=1`, { headers });
const cookie = () => ({ cookie: web.cookie ?? "" });
const bearer = () => ({ authorization: `Bearer ${app.key}` });

describe("Fastify guards", () => {
  it("requireAuth: 401 envelope without a credential and with a bad one", async () => {
    await expectNotAuthenticated(await get("/any"), "/any");
    await expectNotAuthenticated(await get("/any", { authorization: "Bearer nope" }), "/any");
    await expectNotAuthenticated(await get("/any", { cookie: "axor_session=nope" }), "/any");
  });

  it("requireAuth: lets a cookie session and an app token through, with request.axor set", async () => {
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

  it("axorAuth sets request.axor to null or the user and never rejects", async () => {
    expect(await (await get("/optional")).json()).toEqual({ axor: null });
    expect(await (await get("/optional", cookie())).json()).toEqual({ axor: "Ada" });
  });

  it("request.axor is decorated app-wide (null until resolved)", async () => {
    expect(await (await get("/undecided", cookie())).json()).toEqual({ axor: null });
  });

  it("a guard after axorAuth reuses its result", async () => {
    expect((await get("/twice", bearer())).status).toBe(200);
    await expectNotAuthenticated(await get("/twice"), "/twice");
  });
});
