import { fileURLToPath } from "node:url";

const packages = [
  "core",
  "kysely",
  "express",
  "fastify",
  "hono",
  "node",
  "redis",
  "pages",
  "testing",
  "client",
];

/** Resolve `@axor/*` to the packages' sources, so tests need no build step. */
export const sourceAliases = Object.fromEntries([
  // Subpaths first: an alias matches by prefix, so "@axor/core" would swallow them.
  ...["adapter", "storage"].map((entry) => [
    `@axor/core/${entry}`,
    fileURLToPath(new URL(`./packages/core/src/${entry}.ts`, import.meta.url)),
  ]),
  ...packages.map((name) => [
    `@axor/${name}`,
    fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url)),
  ]),
]);
