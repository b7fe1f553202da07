import { type AxorOptions, createAxor, memoryStorage } from "../src/index.js";

/** A web client on 127.0.0.1 with no credential. */
export const webClient = {
  ip: "127.0.0.1",
  userAgent: "vitest",
  mode: "web" as const,
  credential: null,
};

let counter = 0;
/** A fresh address for each test. */
export const uniqueEmail = () => `user${++counter}-${Date.now()}@example.com`;

/** An Axor over memory storage with cheap hashing and rate limits off, unless overridden. */
export function testAxor(overrides: Partial<AxorOptions> = {}) {
  const storage = memoryStorage();
  const axor = createAxor({
    storage,
    secret: "test-secret-test-secret-test-secret!",
    rateLimits: false,
    mailer: { send: async () => {} },
    ...overrides,
  });
  return { axor, storage };
}
