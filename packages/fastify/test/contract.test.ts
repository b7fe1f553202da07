import { createAxor } from "@axor/core";
import { axorPlugin } from "@axor/fastify";
import { describeHttpContract } from "@axor/testing";
import Fastify from "fastify";
import { describe } from "vitest";
import {
  POSTGRES_URL,
  type TestDatabaseKind,
  useTestDatabase,
} from "../../express/test/support/test-database.js";
import { TEST_SECRET } from "../../express/test/support/test-secret.js";

function describeOn(kind: TestDatabaseKind): void {
  const database = useTestDatabase(kind);
  describeHttpContract(`Fastify on ${kind}`, async (overrides) => {
    const axor = createAxor({
      storage: await database.freshStorage(),
      secret: TEST_SECRET,
      ...overrides,
    });
    const app = Fastify();
    await app.register(axorPlugin, { axor, prefix: "/api/user" });
    const origin = await app.listen({ port: 0, host: "127.0.0.1" });
    return {
      fetch: (path, init) => fetch(`${origin}/api/user/${path}`, init),
      origin,
      axor,
      close: () => app.close(),
    };
  });
}

describe("SQLite", () => describeOn("sqlite"));

describe.skipIf(!POSTGRES_URL)("PostgreSQL (set AXOR_TEST_POSTGRES_URL to run)", () =>
  describeOn("postgres"),
);
