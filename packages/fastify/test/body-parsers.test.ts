import { axorPlugin } from "@axor/fastify";
import {
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  problemOf,
  registerOverHttp,
} from "@axor/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type ListeningFastify, serveFastify } from "./support/fastify-server.js";

let server: ListeningFastify | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server?.origin}${path}`, { method: "POST", headers, body });
const json = { "content-type": "application/json" };

describe("Fastify: bodies under the Axor prefix", () => {
  it("bypasses the app's own JSON parser there, and keeps it everywhere else", async () => {
    server = await serveFastify(async (app) => {
      app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
        done(null, { hostParsed: body });
      });
      await app.register(axorPlugin, { axor: adapterTestAxor(), prefix: API });
      app.post("/echo", async (request) => ({ got: request.body }));
    });
    await registerOverHttp(server.origin, "web");
    expect((await problemOf(await post(`${API}/login/`, "{oops", json))).code).toBe("InvalidJSON");
    const echo = await post("/echo", '{"a":1}', json);
    expect(await echo.json()).toEqual({ got: { hostParsed: '{"a":1}' } });
  });

  it("never lets Fastify's own body errors out: 415, 413 and bodies without a content type", async () => {
    server = await serveFastify((app) =>
      app.register(axorPlugin, { axor: adapterTestAxor(), prefix: API }),
    );
    const xml = await post(`${API}/login/`, "<a/>", { "content-type": "application/xml" });
    expect((await problemOf(xml)).code).toBe("UnsupportedMediaType");
    const noType = await post(`${API}/login/`, "{}");
    expect((await problemOf(noType)).code).toBe("UnsupportedMediaType");
    const overFastifyLimit = await post(`${API}/login/`, " ".repeat(2 * 1024 * 1024), json);
    expect(await problemOf(overFastifyLimit)).toMatchObject({
      status: 413,
      code: "PayloadTooLarge",
    });
    const deleteWithBody = await fetch(`${server.origin}${API}/me/`, {
      method: "DELETE",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect((await problemOf(deleteWithBody)).code).toBe("MethodNotAllowed");
  });
});
