import { type Axor, type AxorOptions, createAxor, memoryStorage } from "@axor/core";

/** A fixed secret for adapter test servers (at least 32 characters, as `createAxor` requires). */
export const ADAPTER_TEST_SECRET = "axor-adapter-tests-secret-0123456789abcdef";

/** Argon2 at its cheapest allowed cost, for tests that log in but do not test hashing. */
const FAST_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/**
 * An Axor on memory storage for adapter tests: cheap hashing, no rate limits, emails
 * swallowed; `overrides` on top.
 *
 * @example
 * ```ts
 * const axor = adapterTestAxor({ trustedProxies: ["127.0.0.1"] });
 * ```
 */
export function adapterTestAxor(overrides: Partial<AxorOptions> = {}): Axor {
  return createAxor({
    storage: memoryStorage(),
    secret: ADAPTER_TEST_SECRET,
    argon2: FAST_HASHING,
    rateLimits: false,
    mailer: { send: async () => {} },
    ...overrides,
  });
}
