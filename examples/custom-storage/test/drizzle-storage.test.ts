import { describeStorageAdapter, testServerUrl } from "@axor/testing";
import { describe } from "vitest";
import { drizzleStorage } from "../src/drizzle-storage.js";
import { freshDatabase } from "./support/fresh-database.js";

const url = testServerUrl("AXOR_TEST_POSTGRES_URL", "PostgreSQL");

describe.skipIf(!url)("PostgreSQL (set AXOR_TEST_POSTGRES_URL to run)", () => {
  // One fresh database for the whole suite: its tests never depend on each other.
  describeStorageAdapter("drizzle", async () => {
    const database = await freshDatabase(url ?? "");
    // This example predates additional user fields (`userFields`): their tests show as skipped.
    return {
      storage: drizzleStorage(database.db),
      cleanup: () => database.drop(),
      keepsUserFields: false,
    };
  });
});
