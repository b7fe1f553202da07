import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  describeAdapterGuards,
  registerOverHttp,
} from "@axor/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastifyServer } from "./support/start-fastify-server.js";

describeAdapterGuards("Fastify", startFastifyServer);

describe("Fastify guards", () => {
  let server: AdapterServer;
  beforeAll(async () => {
    server = await startFastifyServer({
      axor: adapterTestAxor(),
      mountPath: API,
      routes: [{ path: "/undecided", guards: [], reply: (auth) => ({ axor: auth }) }],
    });
  });
  afterAll(() => server?.close());

  it("request.axor is decorated app-wide (null until resolved)", async () => {
    const web = await registerOverHttp(server.origin, "web");
    const undecided = await fetch(`${server.origin}/undecided?q=1`, {
      headers: { cookie: web.cookie ?? "" },
    });
    expect(await undecided.json()).toEqual({ axor: null });
  });
});
