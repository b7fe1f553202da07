import { Agent } from "node:http";
import type { Axor, AxorResponse } from "@axor/core";
import { axorPlugin, requireAuth } from "@axor/fastify";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { API, problemOf, registerUser } from "../../express/test/support/http-client.js";
import { postOverOneSocket } from "../../express/test/support/raw-post.js";
import { recordingBodySizes } from "../../express/test/support/recording-axor.js";
import { testAxor } from "../../express/test/support/test-axor.js";
import { type ListeningFastify, serveFastify } from "./support/fastify-server.js";

let server: ListeningFastify | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  axor: Axor,
  build?: (app: FastifyInstance) => void,
  options: FastifyServerOptions = {},
): Promise<string> {
  server = await serveFastify(async (app) => {
    build?.(app);
    await app.register(axorPlugin, { axor, prefix: API });
    app.get("/api/hello", { preHandler: requireAuth(axor) }, async (request) => ({
      hello: request.axor?.user.first_name,
    }));
  }, options);
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

describe("Fastify plugin mounting", () => {
  it("applies the prefix to the Axor routes only, core 404 inside it, Fastify's outside", async () => {
    const origin = await serve(testAxor());
    expect(await problemOf(await fetch(`${origin}${API}/nope/deeper`))).toMatchObject({
      code: "NotFound",
      instance: "/api/user/nope/deeper",
    });
    expect(await problemOf(await fetch(`${origin}${API}`))).toMatchObject({
      instance: "/api/user",
    });
    expect(await problemOf(await fetch(`${origin}${API}/`))).toMatchObject({
      instance: "/api/user/",
    });
    const outside = await fetch(`${origin}/login/`, { method: "POST" });
    expect(outside.status).toBe(404);
    expect(outside.headers.get("content-type")).not.toMatch(/problem\+json/);
  });

  it("nests under the prefix of the context it is registered in", async () => {
    server = await serveFastify((app) =>
      app.register(
        async (api) => {
          await api.register(axorPlugin, { axor: testAxor(), prefix: "/user" });
        },
        { prefix: "/api" },
      ),
    );
    await registerUser(server.origin, "web");
  });
});

describe("Fastify transport", () => {
  it("ignores X-Forwarded-For by default, even with Fastify's trustProxy", async () => {
    const origin = await serve(testAxor(), undefined, { trustProxy: true });
    expect(await recordedIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("honours X-Forwarded-For (and -Proto) from a trusted proxy", async () => {
    const origin = await serve(testAxor({ trustedProxies: ["127.0.0.1"] }));
    expect(await recordedIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    const https = await registerUserResponse(origin, { "x-forwarded-proto": "https" });
    expect(https.headers.getSetCookie()[0]).toMatch(/;\s*Secure/i);
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
      app.addHook("onRequest", async (_request, reply) => {
        reply.header("set-cookie", "host=0; Path=/");
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

function registerUserResponse(origin: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${origin}${API}/register/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({
      email: `proto-${Date.now()}-${Math.random()}@example.com`,
      password: "correct horse battery staple",
      first_name: "A",
      last_name: "B",
    }),
  });
}
