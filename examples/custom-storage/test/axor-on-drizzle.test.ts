import { type ClientInfo, createAxor, type SecurityEvent } from "@axor/core";
import { testServerUrl } from "@axor/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzleStorage } from "../src/drizzle-storage.js";
import { type FreshDatabase, freshDatabase } from "./support/fresh-database.js";

const url = testServerUrl("AXOR_TEST_POSTGRES_URL", "PostgreSQL");

describe.skipIf(!url)("Axor on the Drizzle storage (set AXOR_TEST_POSTGRES_URL to run)", () => {
  let database: FreshDatabase | undefined;
  beforeAll(async () => {
    database = await freshDatabase(url ?? "");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("registers, signs in and out; events reach onEvent, as the adapter has no event log", async () => {
    if (!database) throw new Error("no database");
    const events: SecurityEvent[] = [];
    const axor = createAxor({
      storage: drizzleStorage(database.db),
      secret: "custom-storage-example-secret-0123456789",
      argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
      mailer: { send: async () => {} },
      onEvent: (event) => events.push(event),
    });
    const client: ClientInfo = {
      ip: "203.0.113.5",
      userAgent: "test",
      mode: "app",
      credential: null,
    };
    const email = "drizzle@example.com";
    const password = "correct horse battery";
    const { key } = await axor.register(
      { email, password, first_name: "Ada", last_name: "Lovelace" },
      client,
    );
    const signedIn: ClientInfo = { ...client, credential: { source: "bearer", key } };
    expect((await axor.currentUser(signedIn))?.email).toBe(email);
    await expect(axor.login({ email, password: "wrong password!" }, client)).rejects.toThrow();
    await axor.logout(signedIn);
    expect(await axor.currentUser(signedIn)).toBeNull();
    expect(events.map((event) => event.type)).toContain("register");
  });
});
