import { axorApp, requireAuth } from "@axor/hono";
import {
  ADAPTER_API_PATH,
  adapterTestAxor,
  describeAdapterGuards,
  registerOverHttp,
} from "@axor/testing";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { serveOnPort0 } from "./support/hono-server.js";
import { startHonoServer } from "./support/start-hono-server.js";

describeAdapterGuards("Hono", startHonoServer);

describe("Hono guards narrow the context's type", () => {
  it("after requireAuth, c.get('axor') is the caller without ?.", async () => {
    const axor = adapterTestAxor();
    const app = new Hono();
    app.route(ADAPTER_API_PATH, axorApp(axor));
    // Compiles only because requireAuth's environment says `axor` is never null here.
    app.get("/hello", requireAuth(axor), (c) => c.json({ hello: c.get("axor").user.first_name }));
    const server = await serveOnPort0(app);
    try {
      const web = await registerOverHttp(server.origin, "web");
      const hello = await fetch(`${server.origin}/hello`, {
        headers: { cookie: web.cookie ?? "" },
      });
      expect(await hello.json()).toEqual({ hello: "Ada" });
      expect((await fetch(`${server.origin}/hello`)).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
