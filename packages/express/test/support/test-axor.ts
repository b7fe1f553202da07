import { type AxorOptions, createAxor, memoryStorage } from "@axor/core";
import { FAST_HASHING, TEST_SECRET } from "./test-secret.js";

/**
 * An Axor on memory storage for the adapters' own tests: cheap hashing, no rate limits, emails
 * swallowed; `overrides` on top.
 *
 * @example
 * ```ts
 * const axor = testAxor({ trustedProxies: ["127.0.0.1"] });
 * ```
 */
export function testAxor(overrides: Partial<AxorOptions> = {}) {
  return createAxor({
    storage: memoryStorage(),
    secret: TEST_SECRET,
    argon2: FAST_HASHING,
    rateLimits: false,
    mailer: { send: async () => {} },
    ...overrides,
  });
}
