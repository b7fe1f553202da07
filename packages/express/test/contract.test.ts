import { createAxor } from "@axor/core";
import { axorRouter } from "@axor/express";
import { describeHttpContract } from "@axor/testing";
import express from "express";
import { describe } from "vitest";
import { listen } from "./support/express-server.js";
import { POSTGRES_URL, type TestDatabaseKind, useTestDatabase } from "./support/test-database.js";
import { TEST_SECRET } from "./support/test-secret.js";

function describeOn(kind: TestDatabaseKind): void {
  const database = useTestDatabase(kind);
  describeHttpContract(`Express on ${kind}`, async (overrides) => {
    const axor = createAxor({
      storage: await database.freshStorage(),
      secret: TEST_SECRET,
      ...overrides,
    });
    const app = express();
    app.use("/api/user", axorRouter(axor));
    const server = await listen(app);
    return {
      fetch: (path, init) => fetch(`${server.origin}/api/user/${path}`, init),
      origin: server.origin,
      axor,
      close: server.close,
    };
  });
}

describe("SQLite", () => describeOn("sqlite"));

describe.skipIf(!POSTGRES_URL)("PostgreSQL (set AXOR_TEST_POSTGRES_URL to run)", () =>
  describeOn("postgres"),
);
