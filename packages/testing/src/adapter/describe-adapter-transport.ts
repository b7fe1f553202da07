import { Agent } from "node:http";
import type { Axor, AxorResponse } from "@axor/core";
import { afterEach, describe, expect, it } from "vitest";
import { newAccountFields } from "../http/contract-accounts.js";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  type AppRoute,
  type StartAdapterServer,
} from "./adapter-server.js";
import { adapterTestAxor } from "./adapter-test-axor.js";
import { postOverOneSocket } from "./post-over-one-socket.js";
import { problemOf } from "./problem-answers.js";
import { recordedClientIp } from "./recorded-client-ip.js";
import { recordingBodySizes } from "./recording-body-sizes.js";
import { registerOverHttp } from "./register-over-http.js";

/** The app's own guarded route the transport tests call. */
const hello: AppRoute = {
  path: "/api/hello",
  guards: ["requireAuth"],
  reply: (auth) => ({ hello: auth?.user.first_name }),
};

/** A core stub that answers every request with two cookies of its own. */
const twoCookies: AxorResponse = {
  status: 200,
  headers: { "content-type": "application/json; charset=utf-8", "x-from-core": "yes" },
  setCookies: ["a=1; Path=/", "b=2; Path=/; HttpOnly"],
  body: '{"ok":true}',
};

/**
 * How an adapter carries requests and responses between its framework and the core, over a
 * real socket: client IP and proxies, cookies in and out (also on the app's own guarded
 * routes), raw paths, OPTIONS and HEAD, the mount root, and the 64 KiB body cap on a kept-alive
 * connection. `start` serves the app each test asks for; its server is closed after the test.
 *
 * @example
 * ```ts
 * import { describeAdapterTransport } from "@axor/testing";
 *
 * describeAdapterTransport("Express", startExpressServer); // see StartAdapterServer
 * ```
 */
export function describeAdapterTransport(name: string, start: StartAdapterServer): void {
  describe(`${name} transport`, () => {
    let server: AdapterServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    async function serve(axor: Axor, appCookie?: string): Promise<string> {
      const app = { axor, mountPath: API, routes: [hello] };
      server = await start(appCookie === undefined ? app : { ...app, appCookie });
      return server.origin;
    }

    it("ignores X-Forwarded-For by default and uses the socket peer", async () => {
      const origin = await serve(adapterTestAxor());
      expect(await recordedClientIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe(
        "127.0.0.1",
      );
    });

    it("honours X-Forwarded-For (and -Proto) from a trusted proxy", async () => {
      const origin = await serve(adapterTestAxor({ trustedProxies: ["127.0.0.1"] }));
      expect(await recordedClientIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe(
        "203.0.113.7",
      );
      const https = await fetch(`${origin}${API}/register/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
        body: JSON.stringify(newAccountFields()),
      });
      expect(https.headers.getSetCookie()[0]).toMatch(/;\s*Secure/i);
    });

    it("round-trips the session cookie through a real HTTP client", async () => {
      const origin = await serve(adapterTestAxor());
      const user = await registerOverHttp(origin, "web");
      const cookie = { cookie: user.cookie ?? "" };
      const me = await fetch(`${origin}${API}/me/`, { headers: cookie });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email);
      const hello = await fetch(`${origin}/api/hello`, { headers: cookie });
      expect(await hello.json()).toEqual({ hello: "Ada" });
      const logout = await fetch(`${origin}${API}/logout/`, {
        method: "POST",
        headers: { ...cookie, origin },
      });
      expect(logout.status).toBe(204);
      expect(logout.headers.getSetCookie().join()).toMatch(/axor_session=;|Max-Age=0/);
      expect((await fetch(`${origin}/api/hello`, { headers: cookie })).status).toBe(401);
    });

    it("re-sets a slid session's cookie on the app's own guarded route", async () => {
      let now = new Date("2030-01-01T00:00:00Z");
      const origin = await serve(
        adapterTestAxor({ now: () => now, webSessionLifetimeSeconds: 100 }),
      );
      const user = await registerOverHttp(origin, "web");
      now = new Date(now.getTime() + 60_000);
      const hello = await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie ?? "" } });
      expect(hello.status).toBe(200);
      expect(hello.headers.getSetCookie()).toEqual([
        expect.stringMatching(/^axor_session=.*Max-Age=100/),
      ]);
    });

    it("writes every Set-Cookie as its own header line, after the app's own", async () => {
      const stub = { handle: async () => twoCookies } as unknown as Axor;
      const origin = await serve(stub, "host=0; Path=/");
      const response = await fetch(`${origin}${API}/anything/`);
      expect(response.headers.getSetCookie()).toEqual([
        "host=0; Path=/",
        "a=1; Path=/",
        "b=2; Path=/; HttpOnly",
      ]);
      expect(response.headers.get("x-from-core")).toBe("yes");
      // The core's content type exactly: no framework may add or change a parameter.
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await response.text()).toBe('{"ok":true}');
    });

    it("passes the path undecoded, as every adapter does", async () => {
      const origin = await serve(adapterTestAxor());
      expect(await problemOf(await fetch(`${origin}${API}/%6De/`))).toEqual({
        status: 404,
        code: "NotFound",
        instance: "/api/user/%6De/",
      });
    });

    it("passes OPTIONS and HEAD to the core instead of answering them itself", async () => {
      const origin = await serve(adapterTestAxor());
      const options = await fetch(`${origin}${API}/login/`, { method: "OPTIONS" });
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")).toBe("POST, OPTIONS");
      const head = await fetch(`${origin}${API}/me/`, { method: "HEAD" });
      expect(head.status).toBe(401);
      expect(head.headers.get("content-type")).toMatch(/problem\+json/);
      expect(await head.text()).toBe("");
      const headLogin = await fetch(`${origin}${API}/login/`, { method: "HEAD" });
      expect(headLogin.status).toBe(405);
      const unknown = await fetch(`${origin}${API}/nope/`, { method: "OPTIONS" });
      expect((await problemOf(unknown)).code).toBe("NotFound");
    });

    it("serves the mount root itself and mount-relative paths only", async () => {
      const origin = await serve(adapterTestAxor());
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
      const origin = await serve(recordingBodySizes(adapterTestAxor(), seen));
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
}
