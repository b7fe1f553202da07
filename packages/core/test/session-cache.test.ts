import { TOTP } from "otpauth";
import { describe, expect, it, vi } from "vitest";
import type { AxorOptions, ClientInfo } from "../src/index.js";
import { SessionCache } from "../src/sessions/session-cache.js";
import type { SessionWithUser } from "../src/storage.js";
import { outbox, tokenIn, waitFor } from "./support/captured-mail.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

const PASSWORD = "correct horse battery";
const cheap = { argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } };
const DAY_MS = 24 * 3600 * 1000;

/** A user signed in from the web and from an app on an Axor with the cache on and a fake clock. */
async function cachedAxor(overrides: Partial<AxorOptions> = {}) {
  const clock = { now: Date.parse("2026-01-01T00:00:00Z") };
  const mail = outbox();
  const { axor, storage } = testAxor({
    ...cheap,
    mailer: mail.mailer,
    now: () => new Date(clock.now),
    sessionCache: { ttlSeconds: 5 },
    ...overrides,
  });
  const reads = vi.spyOn(storage, "getLiveSession");
  const email = uniqueEmail();
  const input = { email, password: PASSWORD, first_name: "Ada", last_name: "Lovelace" };
  const registered = await axor.register(input, webClient);
  const web: ClientInfo = { ...webClient, credential: { source: "cookie", key: registered.key } };
  const appClient: ClientInfo = { ...webClient, mode: "app", credential: null };
  const loggedIn = await axor.login({ email, password: PASSWORD }, appClient);
  const app: ClientInfo = { ...appClient, credential: { source: "bearer", key: loggedIn.key } };
  const userId = registered.response.user.id;
  return { axor, storage, reads, clock, mail, email, web, app, userId };
}

/** Both clients served once, so both sessions are in the cache. */
async function warm(setup: Awaited<ReturnType<typeof cachedAxor>>) {
  expect(await setup.axor.currentUser(setup.web)).not.toBeNull();
  expect(await setup.axor.currentUser(setup.app)).not.toBeNull();
}

function record(index: number, userId = `user-${index}`): SessionWithUser {
  const at = new Date(0);
  return {
    session: {
      id: `session-${index}`,
      userId,
      kind: "app",
      keyHash: `hash-${index}`,
      createdAt: at,
      updatedAt: at,
      lastUsedAt: at,
      expireAt: new Date(DAY_MS),
      revokedAt: null,
      ip: null,
      ua: null,
    },
    user: {
      id: userId,
      email: `${userId}@example.com`,
      passwordHash: "x",
      firstName: "A",
      lastName: "B",
      timezone: "UTC",
      isActive: true,
      isEmailVerified: true,
      totpEnabled: false,
      createdAt: at,
      updatedAt: at,
    },
  };
}

describe("SessionCache", () => {
  it("holds at most maxEntries, dropping the least recently used first", () => {
    const cache = new SessionCache(60_000, 3);
    for (let i = 0; i < 3; i++) cache.store(`hash-${i}`, record(i), 0, cache.epoch);
    expect(cache.get("hash-0", 1)).not.toBeNull(); // hash-1 is now the least recently used
    for (let i = 3; i < 6; i++) cache.store(`hash-${i}`, record(i), 0, cache.epoch);
    expect(cache.size).toBe(3);
    expect(cache.get("hash-1", 1)).toBeNull();
    expect(cache.get("hash-2", 1)).toBeNull();
    expect(cache.get("hash-0", 1)).toBeNull(); // pushed out by the three newer ones
    expect(cache.get("hash-5", 1)?.session.id).toBe("session-5");
  });

  it("serves an entry until its TTL ends, and never past the session's own expiry", () => {
    const cache = new SessionCache(5_000, 10);
    cache.store("hash-1", record(1), 1_000, cache.epoch);
    expect(cache.get("hash-1", 5_999)).not.toBeNull();
    expect(cache.get("hash-1", 6_000)).toBeNull();
    expect(cache.size).toBe(0);
    const expiring = record(2);
    expiring.session.expireAt = new Date(3_000);
    cache.store("hash-2", expiring, 1_000, cache.epoch);
    expect(cache.get("hash-2", 2_999)).not.toBeNull();
    expect(cache.get("hash-2", 3_000)).toBeNull();
  });

  it("does not store a lookup that started before an invalidation", () => {
    const cache = new SessionCache(60_000, 10);
    const epoch = cache.epoch;
    cache.forgetUser("someone else");
    cache.store("hash-1", record(1), 0, epoch);
    expect(cache.get("hash-1", 1)).toBeNull();
    cache.store("hash-1", record(1), 0, cache.epoch);
    expect(cache.get("hash-1", 1)).not.toBeNull();
  });

  it("forgets every session of a user, or one session by id", () => {
    const cache = new SessionCache(60_000, 10);
    cache.store("hash-1", record(1, "ada"), 0, cache.epoch);
    cache.store("hash-2", record(2, "ada"), 0, cache.epoch);
    cache.store("hash-3", record(3, "bob"), 0, cache.epoch);
    cache.forgetSession("session-3");
    expect(cache.get("hash-3", 1)).toBeNull();
    cache.forgetUser("ada");
    expect(cache.size).toBe(0);
  });

  it("hands out frozen records: a caller cannot change what the next request sees", () => {
    const cache = new SessionCache(60_000, 10);
    cache.store("hash-1", record(1), 0, cache.epoch);
    const found = cache.get("hash-1", 1) as SessionWithUser;
    expect(() => {
      found.user.isActive = false;
    }).toThrow(TypeError);
  });
});

describe("sessionCache option", () => {
  it("is off by default: every lookup reads the storage", async () => {
    const setup = await cachedAxor({ sessionCache: undefined });
    expect(setup.axor.options.sessionCache).toBe(false);
    setup.reads.mockClear();
    await warm(setup);
    await warm(setup);
    expect(setup.reads).toHaveBeenCalledTimes(4);
  });

  it("is validated: a TTL of 0 or over 300 seconds, or a size of 0, is refused", () => {
    for (const sessionCache of [
      { ttlSeconds: 0 },
      { ttlSeconds: 301 },
      { ttlSeconds: 1.5 },
      { ttlSeconds: 5, maxEntries: 0 },
    ]) {
      expect(() => testAxor({ sessionCache })).toThrow(/Invalid Axor option "sessionCache/);
    }
    expect(testAxor({ sessionCache: { ttlSeconds: 5 } }).axor.options.sessionCache).toEqual({
      ttlSeconds: 5,
      maxEntries: 10_000,
    });
  });

  it("serves a hot session without the storage until the TTL ends (injected clock)", async () => {
    const setup = await cachedAxor();
    setup.reads.mockClear();
    await warm(setup);
    expect(setup.reads).toHaveBeenCalledTimes(2);
    setup.clock.now += 4_999;
    await warm(setup);
    expect(setup.reads).toHaveBeenCalledTimes(2);
    setup.clock.now += 1;
    await warm(setup);
    expect(setup.reads).toHaveBeenCalledTimes(4);
  });

  it("a session or token expired in the store is never served from the cache", async () => {
    const setup = await cachedAxor({ appTokenLifetimeSeconds: 3 });
    const appClient: ClientInfo = { ...webClient, mode: "app", credential: null };
    const { key } = await setup.axor.login({ email: setup.email, password: PASSWORD }, appClient);
    const app: ClientInfo = { ...appClient, credential: { source: "bearer", key } };
    expect(await setup.axor.currentUser(app)).not.toBeNull();
    setup.clock.now += 3_000; // inside the cache's 5 s, at the token's expiry
    expect(await setup.axor.currentUser(app)).toBeNull();
  });

  it("still slides a web session in the second half of its life, once", async () => {
    const setup = await cachedAxor({ webSessionLifetimeSeconds: 100 });
    await warm(setup);
    setup.clock.now += 60_000;
    const request = {
      method: "GET",
      path: "/me/",
      headers: { host: "127.0.0.1", cookie: `axor_session=${setup.web.credential?.key}` },
      ip: "127.0.0.1",
      protocol: "http" as const,
    };
    const first = await setup.axor.authenticate(request);
    expect(first.setCookies.length).toBe(1);
    expect(first.auth?.session.expire_at).toBe(new Date(setup.clock.now + 100_000).toISOString());
    const second = await setup.axor.authenticate(request);
    expect(second.setCookies).toEqual([]);
    expect(second.auth?.session.expire_at).toBe(first.auth?.session.expire_at);
    setup.clock.now += 60_000; // past the first expiry: alive only because it slid
    expect(await setup.axor.currentUser(setup.web)).not.toBeNull();
  });

  it("logout ends the session at once on this instance", async () => {
    const setup = await cachedAxor();
    await warm(setup);
    await setup.axor.logout(setup.app);
    expect(await setup.axor.currentUser(setup.app)).toBeNull();
    expect(await setup.axor.currentUser(setup.web)).not.toBeNull();
  });

  it("closeSession and closeOtherSessions end the sessions at once", async () => {
    const setup = await cachedAxor();
    await warm(setup);
    const { tokens } = await setup.axor.listSessions(setup.web);
    await setup.axor.closeSession({ id: tokens[0]?.id as string }, setup.web);
    expect(await setup.axor.currentUser(setup.app)).toBeNull();

    const again = await cachedAxor();
    await warm(again);
    expect(await again.axor.closeOtherSessions(again.app)).toBe(1);
    expect(await again.axor.currentUser(again.web)).toBeNull();
    expect(await again.axor.currentUser(again.app)).not.toBeNull();
  });

  it("a password change ends the other sessions at once", async () => {
    const setup = await cachedAxor();
    await warm(setup);
    const input = { old_password: PASSWORD, new_password: "another fine password" };
    await setup.axor.changePassword(input, setup.web);
    expect(await setup.axor.currentUser(setup.app)).toBeNull();
  });

  it("a password reset ends every session at once", async () => {
    const setup = await cachedAxor();
    await warm(setup);
    await setup.axor.requestPasswordReset({ email: setup.email }, webClient);
    const message = await waitFor(() =>
      setup.mail.sent.find((m) => m.to === setup.email && m.subject === "Reset your password"),
    );
    await setup.axor.resetPassword(
      { token: tokenIn(message), password: "another fine password" },
      webClient,
    );
    expect(await setup.axor.currentUser(setup.web)).toBeNull();
    expect(await setup.axor.currentUser(setup.app)).toBeNull();
  });

  it("a user disabled through storage is refused at once after forgetCachedSessions", async () => {
    const setup = await cachedAxor();
    await warm(setup);
    await setup.storage.updateUser(setup.userId, { isActive: false, updatedAt: new Date() });
    // Written behind Axor's back: the cache still serves it, until told or until the TTL ends.
    expect(await setup.axor.currentUser(setup.app)).not.toBeNull();
    setup.axor.forgetCachedSessions(setup.userId);
    expect(await setup.axor.currentUser(setup.app)).toBeNull();
    expect(await setup.axor.currentUser(setup.web)).toBeNull();
  });

  it("a change to the user (email, name, 2FA) shows in the next answer", async () => {
    const setup = await cachedAxor();
    await warm(setup);
    const email = uniqueEmail();
    await setup.axor.changeEmail({ email, password: PASSWORD }, setup.web);
    expect((await setup.axor.currentUser(setup.app))?.email).toBe(email);
    await setup.axor.changeName({ first_name: "Grace", last_name: "Hopper" }, setup.web);
    expect((await setup.axor.currentUser(setup.app))?.first_name).toBe("Grace");
    const totp = await setup.axor.initTotp(setup.web);
    const code = new TOTP({ secret: totp.key }).generate({ timestamp: setup.clock.now });
    await setup.axor.enableTotp({ code }, setup.web);
    expect((await setup.axor.currentUser(setup.app))?.totp_enabled).toBe(true);
  });

  it("me/ over HTTP answers from the cache, and a name change shows in the next answer", async () => {
    const setup = await cachedAxor();
    const key = setup.app.credential?.key as string;
    const me = {
      method: "GET",
      path: "/me/",
      mountPath: "/api/user",
      headers: { authorization: `Bearer ${key}` },
      ip: "127.0.0.1",
      protocol: "http" as const,
    };
    const nameIn = async () => JSON.parse((await setup.axor.handle(me)).body ?? "").user.first_name;
    expect(await nameIn()).toBe("Ada");
    setup.reads.mockClear();
    expect(await nameIn()).toBe("Ada");
    expect(setup.reads).not.toHaveBeenCalled();
    await setup.axor.changeName({ first_name: "Grace", last_name: "Hopper" }, setup.web);
    expect(await nameIn()).toBe("Grace");
  });

  it("a lookup in flight during a logout does not bring the session back", async () => {
    const setup = await cachedAxor();
    const real = setup.storage.getLiveSession.bind(setup.storage);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    setup.reads.mockImplementationOnce(async (keyHash, now) => {
      const found = await real(keyHash, now); // read before the logout lands
      await gate;
      return found;
    });
    const inFlight = setup.axor.currentUser(setup.app);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setup.axor.logout(setup.app);
    release();
    expect(await inFlight).not.toBeNull(); // it started before the logout
    expect(await setup.axor.currentUser(setup.app)).toBeNull();
  });
});
