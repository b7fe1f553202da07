// Which context a code block is checked in, by the file it is written in. A context is a module
// in ./contexts/ whose exports the block may use without importing them (its free names: the
// app, the Axor instance, the database...), plus the adapter package whose exports win when
// several adapters export a name (axorAuth, requireAuth, toAxorRequest...).
import { fileURLToPath } from "node:url";

const contextModule = (name) => fileURLToPath(new URL(`./contexts/${name}.ts`, import.meta.url));

const nodeHttp = { adapter: null, module: contextModule("node-http") };
const express = { adapter: "@axor/express", module: contextModule("express") };
const fastify = { adapter: "@axor/fastify", module: contextModule("fastify") };
const hono = { adapter: "@axor/hono", module: contextModule("hono") };
const testing = { adapter: null, module: contextModule("testing") };
const testingPackage = { adapter: null, module: contextModule("testing-package") };
const client = { adapter: "@axor/client", module: contextModule("client") };

/** Contexts of the pages in docs/ and of README.md; any other page gets `nodeHttp`. */
const pages = {
  "README.md": express,
  "docs/getting-started.md": express,
  "docs/express.md": express,
  "docs/fastify.md": fastify,
  "docs/hono.md": hono,
  "docs/testing.md": testing,
  "docs/client.md": client,
};

/** Contexts of JSDoc examples, by package folder; any other package gets `nodeHttp`. */
const packages = { express, fastify, hono, testing: testingPackage, client };

/** Every context module, for the compiler. */
export const contextModules = [
  nodeHttp,
  express,
  fastify,
  hono,
  testing,
  testingPackage,
  client,
].map((context) => context.module);

/** The context `{ adapter, module }` of a block in `file` (a path relative to the root). */
export function snippetContext(file) {
  const inPackage = /^packages\/([^/]+)\//.exec(file);
  return (inPackage ? packages[inPackage[1]] : pages[file]) ?? nodeHttp;
}
