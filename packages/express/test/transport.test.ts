import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  describeAdapterEdgeAnswers,
  describeAdapterTransport,
  recordedClientIp,
} from "@axor/testing";
import { afterEach, describe, expect, it } from "vitest";
import { startExpressServer } from "./support/start-express-server.js";

describeAdapterTransport("Express", startExpressServer);
describeAdapterEdgeAnswers("Express", startExpressServer);

describe("Express transport", () => {
  let server: AdapterServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("does not trust Express's own `trust proxy` setting", async () => {
    const app = { axor: adapterTestAxor(), mountPath: API, routes: [] };
    server = await startExpressServer(app, (host) => host.set("trust proxy", true));
    expect(await recordedClientIp(server.origin, { "x-forwarded-for": "203.0.113.7" })).toBe(
      "127.0.0.1",
    );
  });
});
