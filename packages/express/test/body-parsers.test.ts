import { createServer } from "node:http";
import type { Axor } from "@axor/core";
import { axorBodyParserErrors, axorRouter } from "@axor/express";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  hangUpMidBody,
  problemOf,
  registerOverHttp,
  serveOnLoopback,
} from "@axor/testing";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";

let server: AdapterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const json = { "content-type": "application/json" };

async function start(build: (app: express.Express, axor: Axor) => void) {
  const axor = adapterTestAxor();
  const app = express();
  build(app, axor);
  server = await serveOnLoopback(createServer(app));
  return server.origin;
}

function post(origin: string, path: string, body: string, headers: Record<string, string> = json) {
  return fetch(`${origin}${API}/${path}`, { method: "POST", headers, body });
}

describe("Express: the Axor router mounted before express.json()", () => {
  it("reads its own body, and the app's later routes still get express.json()", async () => {
    const origin = await start((app, axor) => {
      app.use(API, axorRouter(axor));
      app.use(express.json());
      app.post("/echo", (req, res) => {
        res.json({ got: req.body });
      });
    });
    await registerOverHttp(origin, "web");
    expect((await problemOf(await post(origin, "login/", "{oops"))).code).toBe("InvalidJSON");
    const echo = await fetch(`${origin}/echo`, { method: "POST", headers: json, body: '{"a":1}' });
    expect(await echo.json()).toEqual({ got: { a: 1 } });
  });
});

describe("Express: express.json() before the Axor router", () => {
  it("passes the parsed body on: register and login work", async () => {
    const origin = await start((app, axor) => {
      app.use(express.json());
      app.use(API, axorRouter(axor));
    });
    const user = await registerOverHttp(origin, "app");
    const login = await post(
      origin,
      "login/",
      JSON.stringify({ email: user.email, password: user.password }),
      { ...json, "x-requested-by": "mobile_app" },
    );
    expect(login.status, await login.clone().text()).toBe(200);
  });

  it("still enforces 64 KiB on a body express.json() accepted (its limit is 100 KB)", async () => {
    const origin = await start((app, axor) => {
      app.use(express.json());
      app.use(API, axorRouter(axor));
    });
    const body = JSON.stringify({ email: "a@example.com", password: "p".repeat(70_000) });
    expect(await problemOf(await post(origin, "login/", body))).toMatchObject({
      status: 413,
      code: "PayloadTooLarge",
    });
  });

  it("an empty JSON body parsed to {} still counts as empty", async () => {
    const origin = await start((app, axor) => {
      app.use(express.json());
      app.use(API, axorRouter(axor));
    });
    expect((await problemOf(await post(origin, "login/", ""))).code).toBe("InvalidJSON");
  });

  it("without axorBodyParserErrors, malformed JSON never reaches Axor (documented)", async () => {
    const origin = await start((app, axor) => {
      app.use(express.json());
      app.use(API, axorRouter(axor));
    });
    const response = await post(origin, "login/", "{oops");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).not.toMatch(/problem\+json/);
  });

  describe("with axorBodyParserErrors after the router", () => {
    const build = (app: express.Express, axor: Axor) => {
      app.use(express.json());
      app.use(API, axorRouter(axor));
      app.use(API, axorBodyParserErrors(axor));
      app.use(
        (
          _error: unknown,
          _req: express.Request,
          res: express.Response,
          _next: express.NextFunction,
        ) => {
          res.status(599).send("host error handler");
        },
      );
    };

    it("answers malformed JSON with the contract's 400 InvalidJSON", async () => {
      const origin = await start(build);
      expect(await problemOf(await post(origin, "login/", "{oops"))).toEqual({
        status: 400,
        code: "InvalidJSON",
        instance: "/api/user/login/",
      });
    });

    it("answers a body over express.json()'s own limit with 413 PayloadTooLarge", async () => {
      const origin = await start(build);
      const body = JSON.stringify({ password: "p".repeat(200_000) });
      expect(await problemOf(await post(origin, "register/", body))).toMatchObject({
        status: 413,
        code: "PayloadTooLarge",
      });
    });

    it("answers 413 to a body over a host limit below 64 KiB (the parser discarded it)", async () => {
      const origin = await start((app, axor) => {
        app.use(express.json({ limit: "1kb" }));
        app.use(API, axorRouter(axor));
        app.use(API, axorBodyParserErrors(axor));
      });
      const body = JSON.stringify({ password: "p".repeat(2_000) });
      expect((await problemOf(await post(origin, "login/", body))).code).toBe("PayloadTooLarge");
    });

    it("answers a charset express.json() refuses through the core", async () => {
      const origin = await start(build);
      const response = await post(origin, "login/", "{}", {
        "content-type": "application/json; charset=latin1",
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("content-type")).toMatch(/problem\+json/);
    });

    it("keeps the contract's 404 for an unknown path with a malformed body", async () => {
      const origin = await start(build);
      expect((await problemOf(await post(origin, "nope/", "{oops"))).code).toBe("NotFound");
    });

    it("answers a client that hung up mid-body itself: the host's error handler never sees it", async () => {
      const hostErrors: unknown[] = [];
      const origin = await start((app, axor) => {
        app.use(express.json());
        app.use(API, axorRouter(axor));
        app.use(API, axorBodyParserErrors(axor));
        app.use(
          (
            error: unknown,
            _req: express.Request,
            res: express.Response,
            _next: express.NextFunction,
          ) => {
            hostErrors.push(error);
            res.status(599).end();
          },
        );
      });
      await hangUpMidBody(origin, `${API}/login/`, 1000, '{"email":"gone@example.com",');
      expect((await problemOf(await post(origin, "login/", "{oops"))).code).toBe("InvalidJSON");
      expect(hostErrors).toEqual([]);
    });

    it("leaves errors outside the mount to the app", async () => {
      const origin = await start(build);
      const response = await fetch(`${origin}/elsewhere`, {
        method: "POST",
        headers: json,
        body: "{oops",
      });
      expect(response.status).toBe(599);
    });
  });
});

describe("Express: other host parsers before the router", () => {
  it("express.raw() bytes are passed through unparsed", async () => {
    const origin = await start((app, axor) => {
      app.use(express.raw({ type: "*/*" }));
      app.use(API, axorRouter(axor));
    });
    await registerOverHttp(origin, "web");
    expect((await problemOf(await post(origin, "login/", "{oops"))).code).toBe("InvalidJSON");
  });

  it("express.text() and express.urlencoded() bodies get the core's 415", async () => {
    const origin = await start((app, axor) => {
      app.use(express.text());
      app.use(express.urlencoded());
      app.use(API, axorRouter(axor));
    });
    const text = await post(origin, "login/", "{}", { "content-type": "text/plain" });
    expect((await problemOf(text)).code).toBe("UnsupportedMediaType");
    const form = await post(origin, "login/", "email=a%40example.com", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect((await problemOf(form)).code).toBe("UnsupportedMediaType");
  });
});
