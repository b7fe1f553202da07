import { axorApp } from "@axor/hono";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  problemOf,
  registerOverHttp,
} from "@axor/testing";
import { Hono, type HonoRequest } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { serveOnPort0 } from "./support/hono-server.js";

let server: AdapterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const json = { "content-type": "application/json" };
const post = (path: string, body: string, headers: Record<string, string> = json) =>
  fetch(`${server?.origin}${API}/${path}`, { method: "POST", headers, body });

/** An app whose middleware reads the body with `read` before the Axor sub-app runs. */
async function serveWithEarlyRead(read: (req: HonoRequest) => Promise<unknown>) {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await read(c.req).catch(() => "the app ignores its own parse error");
    await next();
  });
  app.route(API, axorApp(adapterTestAxor()));
  server = await serveOnPort0(app);
  return server.origin;
}

describe("Hono: a body the app already read", () => {
  it("after c.req.json(): register, login and malformed JSON behave as if unread", async () => {
    const origin = await serveWithEarlyRead((req) => req.json());
    const user = await registerOverHttp(origin, "app");
    const login = await post(
      "login/",
      JSON.stringify({ email: user.email, password: user.password }),
      { ...json, "x-requested-by": "mobile_app" },
    );
    expect(login.status).toBe(200);
    expect((await problemOf(await post("login/", "{oops"))).code).toBe("InvalidJSON");
    expect((await problemOf(await post("login/", ""))).code).toBe("InvalidJSON");
  });

  it("after c.req.arrayBuffer() and c.req.parseBody()", async () => {
    await serveWithEarlyRead((req) => req.arrayBuffer());
    expect((await problemOf(await post("login/", "{oops"))).code).toBe("InvalidJSON");
    await server?.close();
    await serveWithEarlyRead((req) => req.parseBody());
    const form = await post("login/", "email=a%40example.com", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect((await problemOf(form)).code).toBe("UnsupportedMediaType");
  });

  it("after c.req.json() of a body over 64 KiB: 413", async () => {
    await serveWithEarlyRead((req) => req.json());
    const body = JSON.stringify({ email: "a@example.com", password: "p".repeat(70_000) });
    expect(await problemOf(await post("login/", body))).toMatchObject({
      status: 413,
      code: "PayloadTooLarge",
    });
  });
});
