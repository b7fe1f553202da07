import { fileURLToPath } from "node:url";

const packages = ["core", "kysely", "express", "fastify", "hono", "testing"];

/** Resolve `@axor/*` to the packages' sources, so tests need no build step. */
export const sourceAliases = Object.fromEntries(
  packages.map((name) => [
    `@axor/${name}`,
    fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url)),
  ]),
);
