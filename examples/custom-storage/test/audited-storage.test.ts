import { type AxorOptions, createAxor, memoryStorage, type SecurityEvent } from "@axor/core";
import { describeStorageAdapter } from "@axor/testing";
import { describe, expect, it } from "vitest";
import { auditedStorage } from "../src/audited-storage.js";

describeStorageAdapter("audited memory", async () => ({
  storage: auditedStorage(memoryStorage(), () => {}),
}));

describe("auditedStorage", () => {
  it("writes the security events Axor records, and still stores them", async () => {
    const events: SecurityEvent[] = [];
    const options: AxorOptions = {
      storage: auditedStorage(memoryStorage(), (event) => events.push(event)),
      secret: "custom-storage-example-secret-0123456789",
      argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
      mailer: { send: async () => {} },
    };
    const axor = createAxor(options);
    const client = { ip: "203.0.113.5", userAgent: "test", mode: "web" as const, credential: null };
    const email = "audit@example.com";
    await axor.register(
      { email, password: "correct horse battery", first_name: "A", last_name: "B" },
      client,
    );
    await expect(axor.login({ email, password: "wrong password!" }, client)).rejects.toThrow();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.at instanceof Date)).toBe(true);
  });
});
