import { createAxor, memoryStorage } from "@axor/core";
import { axorPlugin } from "@axor/fastify";
import {
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  describeAdapterGuards,
  registerOverHttp,
} from "@axor/testing";
import { afterAll, describe, expect, it } from "vitest";
import { serveFastify } from "./support/fastify-server.js";
import { startFastifyServer } from "./support/start-fastify-server.js";

describeAdapterGuards("Fastify", startFastifyServer);

describe("Fastify: request.axor, decorators and logging", () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => Promise.all(servers.map((server) => server.close())));

  async function serve(resolveAuth: boolean | undefined, axor = adapterTestAxor()) {
    const logged: string[] = [];
    const stream = { write: (line: string) => logged.push(line) };
    const server = await serveFastify(
      async (app) => {
        await app.register(axorPlugin, { axor, prefix: API, resolveAuth });
        app.get("/open", async (request) => ({ axor: request.axor }));
        app.get("/decorated", { preHandler: app.axor.requireAuth }, async (request) => ({
          email: request.axor?.user.email,
        }));
      },
      { logger: { level: "error", stream } },
    );
    servers.push(server);
    return { ...server, logged };
  }

  it("resolves request.axor for every route of the app by default", async () => {
    const server = await serve(undefined);
    const web = await registerOverHttp(server.origin, "web");
    const open = await fetch(`${server.origin}/open`, { headers: { cookie: web.cookie ?? "" } });
    const body = (await open.json()) as { axor: { user: { email: string } } | null };
    expect(body.axor?.user.email).toBe(web.email);
    expect(await (await fetch(`${server.origin}/open`)).json()).toEqual({ axor: null });
  });

  it("with resolveAuth: false, request.axor stays null until a guard or axorAuth runs", async () => {
    const server = await serve(false);
    const web = await registerOverHttp(server.origin, "web");
    const open = await fetch(`${server.origin}/open`, { headers: { cookie: web.cookie ?? "" } });
    expect(await open.json()).toEqual({ axor: null });
  });

  it("app.axor.requireAuth guards a route without passing axor around", async () => {
    const server = await serve(false);
    const web = await registerOverHttp(server.origin, "web");
    const headers = { cookie: web.cookie ?? "" };
    const allowed = await fetch(`${server.origin}/decorated`, { headers });
    expect(await allowed.json()).toEqual({ email: web.email });
    expect((await fetch(`${server.origin}/decorated`)).status).toBe(401);
  });

  it("reports the core's errors to Fastify's logger, not console.error", async () => {
    const axor = createAxor({ storage: brokenStorage(), secret: "s".repeat(32) });
    const server = await serve(undefined, axor);
    const response = await fetch(`${server.origin}${API}/me/`, {
      headers: { authorization: `Bearer ${"k".repeat(43)}` },
    });
    expect(response.status).toBe(500);
    const line = server.logged.find((entry) => entry.includes(`axor: GET ${API}/me/`));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? "{}")).toMatchObject({ level: 50, err: { message: "disk on fire" } });
  });
});

/** A memory storage whose session lookup fails with an unexpected error (a 500). */
function brokenStorage() {
  const storage = memoryStorage();
  return {
    ...storage,
    getLiveSession: () => Promise.reject(new Error("disk on fire")),
  };
}
