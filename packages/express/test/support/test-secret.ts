/** A fixed secret for test servers (at least 32 characters, as `createAxor` requires). */
export const TEST_SECRET = "axor-adapter-tests-secret-0123456789abcdef";

/** Argon2 at its cheapest allowed cost, for tests that log in but do not test hashing. */
export const FAST_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;
