import { createAxor, fetchHandler, memoryStorage } from "@axor/core";
import { describeHttpContract } from "@axor/testing";

describeHttpContract("core handler", async (overrides) => {
  const axor = createAxor({ storage: memoryStorage(), secret: "x".repeat(32), ...overrides });
  const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
  return {
    fetch: (path, init) => handler(new Request(`http://127.0.0.1/api/user/${path}`, init)),
    origin: "http://127.0.0.1",
    axor,
    close: async () => {},
  };
});
