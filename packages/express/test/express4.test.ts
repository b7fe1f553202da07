import { createServer } from "node:http";
import { axorBodyParserErrors, axorRouter, requireAuth } from "@axor/express";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  expectNotAuthenticated,
  problemOf,
  registerOverHttp,
  serveOnLoopback,
} from "@axor/testing";
import type { Express, Request, Response } from "express";
// Express 4, installed under an alias: the adapter must also work in Express 4 apps.
import express4 from "express4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: AdapterServer;
let origin: string;

beforeAll(async () => {
  const axor = adapterTestAxor();
  const parsedFirst: Express = express4();
  parsedFirst.use(express4.json());
  parsedFirst.use(API, axorRouter(axor));
  parsedFirst.use(API, axorBodyParserErrors(axor));
  parsedFirst.get("/api/hello", requireAuth(axor), (req: Request, res: Response) => {
    res.json({ hello: req.axor?.user.first_name });
  });
  server = await serveOnLoopback(createServer(parsedFirst));
  origin = server.origin;
});
afterAll(() => server.close());

describe("Express 4 app, express.json() first (body-parser 1 sets req.body = {} when it skips)", () => {
  it("serves register, me/ and the guarded route", async () => {
    const user = await registerOverHttp(origin, "web");
    const me = await fetch(`${origin}${API}/me/`, { headers: { cookie: user.cookie ?? "" } });
    expect(me.status).toBe(200);
    const hello = await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie ?? "" } });
    expect(await hello.json()).toEqual({ hello: "Ada" });
    await expectNotAuthenticated(await fetch(`${origin}/api/hello`), "/api/hello");
  });

  it("reads a body body-parser skipped (no JSON type) itself: 415 from the core", async () => {
    const response = await fetch(`${origin}${API}/login/`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect((await problemOf(response)).code).toBe("UnsupportedMediaType");
  });

  it("answers malformed JSON with InvalidJSON through axorBodyParserErrors", async () => {
    const response = await fetch(`${origin}${API}/login/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(await problemOf(response)).toEqual({
      status: 400,
      code: "InvalidJSON",
      instance: "/api/user/login/",
    });
  });
});
