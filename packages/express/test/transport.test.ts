import { Agent } from "node:http";
import type { Axor, AxorResponse } from "@axor/core";
import { axorRouter, requireAuth } from "@axor/express";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { type ListeningServer, listen } from "./support/express-server.js";
import { API, problemOf, registerUser } from "./support/http-client.js";
import { postOverOneSocket } from "./support/raw-post.js";
import { recordingBodySizes } from "./support/recording-axor.js";
import { testAxor } from "./support/test-axor.js";

let server: ListeningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(axor: Axor, build?: (app: express.Express) => void): Promise<string> {
  const app = express();
  build?.(app);
  app.use(API, axorRouter(axor));
  app.get("/api/hello", requireAuth(axor), (req, res) => {
    res.json({ hello: req.axor?.user.first_name });
  });
  server = await listen(app);
  return server.origin;
}

/** The IP recorded for a web session made with `headers`, read back as an app login's last_session. */
async function recordedIp(origin: string, headers: Record<string, string>): Promise<string> {
  const user = await registerUser(origin, "web", headers);
  const login = await fetch(`${origin}${API}/login/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-by": "mobile_app" },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const body = (await login.json()) as { last_session: { ip: string } };
  return body.last_session.ip;
}

describe("Express transport", () => {
  it("ignores X-Forwarded-For by default and uses the socket peer", async () => {
    const origin = await serve(testAxor());
    expect(await recordedIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("honours X-Forwarded-For (and -Proto) from a trusted proxy", async () => {
    const origin = await serve(testAxor({ trustedProxies: ["127.0.0.1"] }));
    expect(await recordedIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    const https = await fetch(`${origin}${API}/register/`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      body: JSON.stringify({
        email: `proto-${Date.now()}@example.com`,
        password: "correct horse battery staple",
        first_name: "A",
        last_name: "B",
      }),
    });
    expect(https.headers.getSetCookie()[0]).toMatch(/;\s*Secure/i);
  });

  it("does not trust Express's own `trust proxy` setting", async () => {
    const origin = await serve(testAxor(), (app) => app.set("trust proxy", true));
    expect(await recordedIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("round-trips the session cookie through a real HTTP client", async () => {
    const origin = await serve(testAxor());
    const user = await registerUser(origin, "web");
    const me = await fetch(`${origin}${API}/me/`, { headers: { cookie: user.cookie ?? "" } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email);
    const hello = await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie ?? "" } });
    expect(await hello.json()).toEqual({ hello: "Ada" });
    const logout = await fetch(`${origin}${API}/logout/`, {
      method: "POST",
      headers: { cookie: user.cookie ?? "", origin },
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toMatch(/axor_session=;|Max-Age=0/);
    expect(
      (await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie ?? "" } })).status,
    ).toBe(401);
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
      app.use((_req, res, next) => {
        res.cookie("host", "0");
        next();
      }),
    );
    const response = await fetch(`${origin}${API}/anything/`);
    expect(response.headers.getSetCookie()).toEqual([
      "host=0; Path=/",
      "a=1; Path=/",
      "b=2; Path=/; HttpOnly",
    ]);
    expect(response.headers.get("x-from-core")).toBe("yes");
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

  it("passes OPTIONS and HEAD to the core instead of answering them itself", async () => {
    const origin = await serve(testAxor());
    const options = await fetch(`${origin}${API}/login/`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("POST, OPTIONS");
    const head = await fetch(`${origin}${API}/me/`, { method: "HEAD" });
    expect(head.status).toBe(401);
    expect(head.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await head.text()).toBe("");
    const unknown = await fetch(`${origin}${API}/nope/`, { method: "OPTIONS" });
    expect((await problemOf(unknown)).code).toBe("NotFound");
  });

  it("serves the mount root itself and mount-relative paths only", async () => {
    const origin = await serve(testAxor());
    expect(await problemOf(await fetch(`${origin}${API}`))).toEqual({
      status: 404,
      code: "NotFound",
      instance: "/api/user",
    });
    expect(await problemOf(await fetch(`${origin}${API}/me?x=1`))).toMatchObject({
      code: "NotAuthenticated",
      instance: "/api/user/me",
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
