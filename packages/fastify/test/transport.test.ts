import { axorPlugin } from "@axor/fastify";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  describeAdapterEdgeAnswers,
  describeAdapterTransport,
  problemOf,
  recordedClientIp,
  registerOverHttp,
} from "@axor/testing";
import { afterEach, describe, expect, it } from "vitest";
import { serveFastify } from "./support/fastify-server.js";
import { startFastifyServer } from "./support/start-fastify-server.js";

let server: AdapterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: Parameters<typeof startFastifyServer>[1] = {}): Promise<string> {
  server = await startFastifyServer(
    { axor: adapterTestAxor(), mountPath: API, routes: [] },
    options,
  );
  return server.origin;
}

describe("Fastify plugin mounting", () => {
  it("applies the prefix to the Axor routes only, core 404 inside it, Fastify's outside", async () => {
    const origin = await serve();
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
          await api.register(axorPlugin, { axor: adapterTestAxor(), prefix: "/user" });
        },
        { prefix: "/api" },
      ),
    );
    await registerOverHttp(server.origin, "web");
  });
});

describeAdapterTransport("Fastify", startFastifyServer);
describeAdapterEdgeAnswers("Fastify", startFastifyServer);

describe("Fastify transport", () => {
  it("ignores X-Forwarded-For by default, even with Fastify's trustProxy", async () => {
    const origin = await serve({ trustProxy: true });
    expect(await recordedClientIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
  });
});
