import { describe, expect, it } from "vitest";
import type { ClientInfo } from "../src/index.js";
import { createAxor, memoryEventLog, memoryStorage } from "../src/index.js";
import type { StorageAdapter } from "../src/storage.js";
import { uniqueEmail, webClient } from "./test-axor.js";

const secret = "test-secret-test-secret-test-secret!";
const argon2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** The four required parts of memoryStorage() and nothing else. */
function requiredPartsOnly(): StorageAdapter {
  const { listUsers, deleteUser, sweepExpired, ...rest } = memoryStorage();
  return rest;
}

describe("server-side API on a storage without the optional parts", () => {
  it("list, delete, events and cleanup throw an Error naming the missing part", async () => {
    const axor = createAxor({ storage: requiredPartsOnly(), secret, argon2 });
    const user = await axor.users.create({ email: uniqueEmail(), first_name: "a", last_name: "b" });
    await expect(axor.users.list()).rejects.toThrow(/axor.users.list needs .*UserAdminStorage/);
    await expect(axor.users.delete(user.id)).rejects.toThrow(/UserAdminStorage/);
    await expect(axor.users.events()).rejects.toThrow(/EventLogReader/);
    await expect(axor.cleanup()).rejects.toThrow(/axor.cleanup\(\) needs .*ExpiredRowSweeper/);
    // the rest works on the four parts
    expect((await axor.users.disable(user.id)).is_active).toBe(false);
    expect(await axor.users.get(user.id)).toMatchObject({ is_active: false });
  });

  it("purging events needs a readable log, and says so before deleting anything", async () => {
    const axor = createAxor({ storage: memoryStorage(), secret, argon2 });
    const user = await axor.users.create({ email: uniqueEmail(), first_name: "a", last_name: "b" });
    await expect(axor.users.delete(user.id, { purgeEvents: true })).rejects.toThrow(
      /EventLogReader/,
    );
    expect(await axor.users.get(user.id)).not.toBeNull();
  });
});

describe("absoluteSessionLifetimeSeconds", () => {
  const DAY = 24 * 3600;
  const setup = (absolute?: number) => {
    let clock = Date.parse("2031-01-01T00:00:00.000Z");
    const axor = createAxor({
      storage: memoryStorage(),
      eventLog: memoryEventLog(),
      secret,
      argon2,
      rateLimits: false,
      webSessionLifetimeSeconds: 3 * DAY,
      ...(absolute === undefined ? {} : { absoluteSessionLifetimeSeconds: absolute }),
      now: () => new Date(clock),
    });
    const advance = (seconds: number) => {
      clock += seconds * 1000;
    };
    const signIn = async () => {
      const email = uniqueEmail();
      const password = "correct horse battery";
      await axor.users.create({ email, password, first_name: "a", last_name: "b" });
      const { key, expireAt } = await axor.login({ email, password }, webClient);
      const client: ClientInfo = { ...webClient, credential: { source: "cookie", key } };
      return { client, expireAt };
    };
    return { axor, advance, signIn };
  };

  it("is off by default: a session used every day slides on and on", async () => {
    const { axor, advance, signIn } = setup();
    const { client } = await signIn();
    for (let day = 0; day < 30; day++) {
      advance(DAY + 1);
      expect(await axor.currentUser(client), `day ${day}`).not.toBeNull();
    }
  });

  it("ends a session N seconds after login however often it slides", async () => {
    const { axor, advance, signIn } = setup(5 * DAY);
    const { client, expireAt } = await signIn();
    expect(expireAt.toISOString()).toBe("2031-01-04T00:00:00.000Z"); // the sliding lifetime
    for (let day = 1; day < 5; day++) {
      advance(DAY);
      const auth = await axor.authenticate({
        method: "GET",
        path: "/",
        headers: { cookie: `axor_session=${client.credential?.key}` },
        ip: "127.0.0.1",
        protocol: "http",
      });
      expect(auth.auth, `day ${day}`).not.toBeNull();
      expect(Date.parse(auth.auth?.session.expire_at ?? "")).toBeLessThanOrEqual(
        Date.parse("2031-01-06T00:00:00.000Z"),
      );
    }
    advance(DAY - 1);
    expect(await axor.currentUser(client)).not.toBeNull();
    advance(1);
    expect(await axor.currentUser(client)).toBeNull();
  });

  it("caps a new session's first expiry when the absolute lifetime is the shorter", async () => {
    const { axor, advance, signIn } = setup(3600);
    const { client, expireAt } = await signIn();
    expect(expireAt.toISOString()).toBe("2031-01-01T01:00:00.000Z");
    advance(3599);
    expect(await axor.currentUser(client)).not.toBeNull();
    advance(1);
    expect(await axor.currentUser(client)).toBeNull();
  });

  it("is validated: a whole number of seconds, at least 1", () => {
    for (const wrong of [0, -1, 1.5, "30d"]) {
      expect(() =>
        createAxor({
          storage: memoryStorage(),
          secret,
          absoluteSessionLifetimeSeconds: wrong as never,
        }),
      ).toThrow(/"absoluteSessionLifetimeSeconds"/);
    }
  });
});
