// docs/client.md's "single-page app on another origin" settings, checked over a real socket:
// the Hono app of the page (CORS with credentials, trustedOrigins, SameSite) and the client
// in web mode as the SPA's page uses it.
import type { Server } from "node:http";
import { type AxorOptions, createAxor, memoryStorage } from "@axor/core";
import { axorApp } from "@axor/hono";
import { type AdapterServer, serveOnLoopback } from "@axor/testing";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { afterEach, describe, expect, it } from "vitest";
import { AxorClientError, createAxorClient } from "../src/index.js";
import { browserLikeFetch } from "./browser-like-fetch.js";

const SPA = "https://app.example.com";
let server: AdapterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The page's Hono app, with `options` on top of the page's Axor settings. */
async function serveApi(options: Partial<AxorOptions>): Promise<string> {
  const axor = createAxor({
    storage: memoryStorage(),
    secret: "cross-origin-test-secret-0123456789",
    mailer: { send: async () => {} },
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    ...options,
  });
  const api = new Hono();
  api.use(
    "/api/user/*",
    cors({
      origin: SPA,
      credentials: true,
      allowMethods: ["GET", "POST", "PUT"],
      allowHeaders: ["Content-Type", "X-Requested-By", "Authorization"],
      maxAge: 600,
    }),
  );
  api.route("/api/user", axorApp(axor));
  server = await serveOnLoopback(createAdaptorServer({ fetch: api.fetch }) as Server);
  return `${server.origin}/api/user`;
}

const account = () => ({
  email: `spa-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
  password: "correct horse battery",
  first_name: "Ada",
  last_name: "Lovelace",
});

describe("an SPA on another origin, as docs/client.md sets it up", () => {
  it("gets its preflight answered with credentials allowed for its origin only", async () => {
    const baseUrl = await serveApi({ trustedOrigins: [SPA] });
    const preflight = await fetch(`${baseUrl}/login/`, {
      method: "OPTIONS",
      headers: {
        origin: SPA,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(SPA);
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "content-type",
    );
    const foreign = await fetch(`${baseUrl}/login/`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(foreign.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("registers, reads me/, changes the name and logs out with the cookie (web mode)", async () => {
    const baseUrl = await serveApi({ trustedOrigins: [SPA] });
    const pageFetch = browserLikeFetch(SPA);
    const origins: (string | null)[] = [];
    const axor = createAxorClient({
      baseUrl,
      fetch: async (url, init) => {
        const response = await pageFetch(url, init);
        origins.push(response.headers.get("access-control-allow-origin"));
        return response;
      },
    });
    const fields = account();
    await axor.register(fields);
    expect((await axor.me()).user.email).toBe(fields.email);
    await axor.changeName({ first_name: "Augusta", last_name: "King" });
    await axor.logout();
    expect(origins).toEqual([SPA, SPA, SPA, SPA]); // the browser lets the page read each answer
    const after = await axor.me().catch((error: unknown) => error);
    expect((after as AxorClientError).code).toBe("NotAuthenticated");
  });

  it("is refused with CSRFFailed when the SPA's origin is not in trustedOrigins", async () => {
    const baseUrl = await serveApi({});
    const axor = createAxorClient({ baseUrl, fetch: browserLikeFetch(SPA) });
    const error = await axor.register(account()).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AxorClientError);
    expect((error as AxorClientError).code).toBe("CSRFFailed");
  });

  it("cross-site: sameSite none makes the cookie SameSite=None and Secure", async () => {
    const baseUrl = await serveApi({ trustedOrigins: [SPA], cookie: { sameSite: "none" } });
    const response = await fetch(`${baseUrl}/register/`, {
      method: "POST",
      headers: { origin: SPA, "content-type": "application/json" },
      body: JSON.stringify(account()),
    });
    expect(response.status).toBe(201);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/; SameSite=None/i);
    expect(cookie).toMatch(/; Secure/i);
  });
});
