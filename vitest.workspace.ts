/**
 * The list of test projects. Vitest 4 does not read this file on its own:
 * `vitest.config.ts` passes it to `test.projects`.
 */
export default [
  "packages/core",
  "packages/testing",
  "packages/kysely",
  "packages/express",
  "packages/fastify",
  "packages/hono",
  "packages/node",
  "packages/redis",
  "packages/client",
  "packages/pages",
  "examples/custom-storage",
  "fault-tests",
  "abuse-tests",
  "pack-tests",
  "fuzz",
];
