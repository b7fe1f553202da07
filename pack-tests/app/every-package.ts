// Type-checked only: every package and entry point resolves with its types, and the app's own
// Kysely (its own copy of kysely, a peer of @axor/kysely) is accepted by kyselyStorage.
import { createAxorClient } from "@axor/client";
import { type Axor, createAxor, memoryStorage } from "@axor/core";
import type { AxorRequest } from "@axor/core/adapter";
import type { StorageAdapter } from "@axor/core/storage";
import { axorRouter } from "@axor/express";
import { axorPlugin } from "@axor/fastify";
import { axorApp } from "@axor/hono";
import { DatabaseDriverError, kyselyStorage, migrateToLatest } from "@axor/kysely";
import { axorHandler } from "@axor/node";
import { axorPages } from "@axor/pages";
import { redisRateLimitStore } from "@axor/redis";
import type { describeStorageAdapter } from "@axor/testing";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

const own = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) });
await migrateToLatest(own);
const storage: StorageAdapter = kyselyStorage(own);
const axor: Axor = createAxor({ storage, secret: "x".repeat(32) });
const memory: Axor = createAxor({ storage: memoryStorage(), secret: "x".repeat(32) });

export const used: unknown[] = [
  axor,
  memory,
  axorRouter(axor),
  axorPlugin,
  axorApp(axor),
  axorHandler(axor),
  axorPages(axor),
  redisRateLimitStore,
  createAxorClient({ baseUrl: "http://127.0.0.1:3000/api/user" }),
  DatabaseDriverError,
  null as unknown as AxorRequest,
  null as unknown as typeof describeStorageAdapter,
];
