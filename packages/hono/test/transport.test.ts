import { Agent } from "node:http";
import type { Axor, AxorResponse } from "@axor/core";
import { type AxorAppOptions, type AxorEnv, axorApp, requireAuth } from "@axor/hono";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { API, problemOf, registerUser } from "../../express/test/support/http-client.js";
import { postOverOneSocket } from "../../express/test/support/raw-post.js";
import { recordingBodySizes } from "../../express/test/support/recording-axor.js";
import { testAxor } from "../../express/test/support/test-axor.js";
import { type ListeningHono, serveOnPort0 } from "./support/hono-server.js";

let server: ListeningHono | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  axor: Axor,
  build?: (app: Hono<AxorEnv>) => void,
  options: AxorAppOptions = {},
): Promise<string> {
  const app = new Hono<AxorEnv>();
  build?.(app);
  app.route(API, axorApp(axor, options));
  app.get("/api/hello", requireAuth(axor), (c) =>
    c.json({ hello: c.get("axor")?.user.first_name }),
  );
  server = await serveOnPort0(app);
  return server.origin;
}

async function recordedIp(origin: string, headers: Record<string, string>): Promise<string> {
  const user = await registerUser(origin, "web", headers);
  const login = await fetch(`${origin}${API}/login/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-by": "mobile_app" },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  return ((await login.json()) as { last_session: { ip: string } }).last_session.ip;
}

describe("Hono transport", () => {
  it("ignores X-Forwarded-For by default and uses @hono/node-server's socket peer", async () => {
    const origin = await serve(testAxor());
    expect(await recordedIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("honours X-Forwarded-For (and -Proto) from a trusted proxy", async () => {
    const origin = await serve(testAxor({ trustedProxies: ["127.0.0.1"] }));
    expect(await recordedIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
  });

  it("uses getClientIp when given", async () => {
    const origin = await serve(testAxor(), undefined, { getClientIp: () => "198.51.100.4" });
    expect(await recordedIp(origin, {})).toBe("198.51.100.4");
  });

  it("round-trips the session cookie through a real HTTP client", async () => {
    const origin = await serve(testAxor());
    const user = await registerUser(origin, "web");
    const me = await fetch(`${origin}${API}/me/`, { headers: { cookie: user.cookie ?? "" } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email);
    const hello = await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie ?? "" } });
    expect(await hello.json()).toEqual({ hello: "Ada" });
  });

  it("re-sets a slid session's cookie on the app's own guarded route", async () => {
    let now = new Date("2030-01-01T00:00:00Z");
    const origin = await serve(testAxor({ now: () => now, webSessionLifetime: 100 }));
    const user = await registerUser(origin, "web");
    now = new Date(now.getTime() + 60_000);
    const hello = await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie ?? "" } });
    expect(hello.status).toBe(200);
    expect(hello.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^axor_session=.*Max-Age=100/),
    ]);
  });

  it("writes every Set-Cookie as its own header line, after the app's own", async () => {
    const twoCookies: AxorResponse = {
      status: 200,
      headers: { "content-type": "application/json", "x-from-core": "yes" },
      setCookies: ["a=1; Path=/", "b=2; Path=/; HttpOnly"],
      body: '{"ok":true}',
    };
    const stub = { handle: async () => twoCookies } as unknown as Axor;
    const origin = await serve(stub, (app) =>
      app.use("*", async (c, next) => {
        c.header("set-cookie", "host=0; Path=/", { append: true });
        await next();
      }),
    );
    const response = await fetch(`${origin}${API}/anything/`);
    expect(response.headers.getSetCookie()).toEqual([
      "host=0; Path=/",
      "a=1; Path=/",
      "b=2; Path=/; HttpOnly",
    ]);
    expect(response.headers.get("x-from-core")).toBe("yes");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe('{"ok":true}');
  });

  it("passes the path undecoded, as every adapter does", async () => {
    const origin = await serve(testAxor());
    expect(await problemOf(await fetch(`${origin}${API}/%6De/`))).toEqual({
      status: 404,
      code: "NotFound",
      instance: "/api/user/%6De/",
    });
  });

  it("passes OPTIONS and HEAD to the core", async () => {
    const origin = await serve(testAxor());
    const options = await fetch(`${origin}${API}/login/`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("POST, OPTIONS");
    const head = await fetch(`${origin}${API}/me/`, { method: "HEAD" });
    expect(head.status).toBe(401);
    expect(head.headers.get("content-type")).toMatch(/problem\+json/);
    const headLogin = await fetch(`${origin}${API}/login/`, { method: "HEAD" });
    expect(headLogin.status).toBe(405);
  });

  it("mounts under path parameters and reports the bare mount as sent", async () => {
    const app = new Hono();
    app.route("/:tenant/user", axorApp(testAxor()));
    server = await serveOnPort0(app);
    expect(await problemOf(await fetch(`${server.origin}/acme/user/me/`))).toMatchObject({
      code: "NotAuthenticated",
      instance: "/acme/user/me/",
    });
    expect(await problemOf(await fetch(`${server.origin}/acme/user`))).toMatchObject({
      code: "NotFound",
      instance: "/acme/user",
    });
  });

  it("reads at most 64 KiB + 1 of a 10 MB body, answers 413, and the connection stays usable", async () => {
    const seen: number[] = [];
    const origin = await serve(recordingBodySizes(testAxor(), seen));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const huge = await postOverOneSocket(agent, origin, "login/", Array(160).fill(chunk));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).code).toBe("PayloadTooLarge");
    expect(seen).toEqual([64 * 1024 + 1]);
    const next = await postOverOneSocket(agent, origin, "login/", [Buffer.from("{")]);
    expect(JSON.parse(next.text).code).toBe("InvalidJSON");
    expect(huge.socket).toBe(next.socket);
    agent.destroy();
  });
});
