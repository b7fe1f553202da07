import { createAxor } from "@axor/core";
import { type StorageAdapter } from "@axor/core/storage";
import { describeHttpContract } from "../http/describe-http-contract.js";
import { ADAPTER_API_PATH as API, type StartAdapterServer } from "./adapter-server.js";
import { ADAPTER_TEST_SECRET } from "./adapter-test-axor.js";

/**
 * The HTTP contract suite (`describeHttpContract`) through an adapter: each group of tests
 * gets an Axor on a fresh `storage()` (with the group's options), served by `start` at
 * /api/user with no routes of the app's own.
 *
 * @example
 * ```ts
 * import { memoryStorage } from "@axor/core";
 * import { describeAdapterHttpContract } from "@axor/testing";
 *
 * describeAdapterHttpContract("Express", startExpressServer, () => memoryStorage());
 * ```
 */
export function describeAdapterHttpContract(
  name: string,
  start: StartAdapterServer,
  storage: () => StorageAdapter | Promise<StorageAdapter>,
): void {
  describeHttpContract(name, async (overrides) => {
    const axor = createAxor({
      storage: await storage(),
      secret: ADAPTER_TEST_SECRET,
      ...overrides,
    });
    const server = await start({ axor, mountPath: API, routes: [] });
    return {
      fetch: (path, init) => fetch(`${server.origin}${API}/${path}`, init),
      origin: server.origin,
      axor,
      close: server.close,
    };
  });
}
