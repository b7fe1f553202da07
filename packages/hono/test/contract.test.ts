import { createAxor } from "@axor/core";
import { axorApp } from "@axor/hono";
import { describeHttpContract } from "@axor/testing";
import { Hono } from "hono";
import { describe } from "vitest";
import {
  POSTGRES_URL,
  type TestDatabaseKind,
  useTestDatabase,
} from "../../express/test/support/test-database.js";
import { TEST_SECRET } from "../../express/test/support/test-secret.js";
import { serveOnPort0 } from "./support/hono-server.js";

function describeOn(kind: TestDatabaseKind): void {
  const database = useTestDatabase(kind);
  describeHttpContract(`Hono on ${kind}`, async (overrides) => {
    const axor = createAxor({
      storage: await database.freshStorage(),
      secret: TEST_SECRET,
      ...overrides,
    });
    const app = new Hono();
    app.route("/api/user", axorApp(axor));
    const server = await serveOnPort0(app);
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
