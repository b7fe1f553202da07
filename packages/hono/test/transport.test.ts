import type { Axor, AxorResponse } from "@axor/core";
import { axorApp } from "@axor/hono";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  describeAdapterEdgeAnswers,
  describeAdapterTransport,
  problemOf,
  recordedClientIp,
} from "@axor/testing";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { serveOnPort0 } from "./support/hono-server.js";
import { startHonoServer } from "./support/start-hono-server.js";

describeAdapterTransport("Hono", startHonoServer);
describeAdapterEdgeAnswers("Hono", startHonoServer);

describe("Hono transport", () => {
  let server: AdapterServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("uses getClientIp when given", async () => {
    const app = { axor: adapterTestAxor(), mountPath: API, routes: [] };
    server = await startHonoServer(app, { getClientIp: () => "198.51.100.4" });
    expect(await recordedClientIp(server.origin, {})).toBe("198.51.100.4");
  });

  it("keeps the core's content type exactly, without adding a charset", async () => {
    const json: AxorResponse = {
      status: 200,
      headers: { "content-type": "application/json" },
      setCookies: [],
      body: '{"ok":true}',
    };
    const stub = { handle: async () => json } as unknown as Axor;
    server = await startHonoServer({ axor: stub, mountPath: API, routes: [] });
    const response = await fetch(`${server.origin}${API}/anything/`);
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("mounts under path parameters and reports the bare mount as sent", async () => {
    const app = new Hono();
    app.route("/:tenant/user", axorApp(adapterTestAxor()));
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
});
