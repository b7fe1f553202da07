import { randomUUID } from "node:crypto";
import { hash as bcryptHash } from "@node-rs/bcrypt";
import { describe, expect, it } from "vitest";
import { sha256 } from "../src/crypto/sha256.js";
import { type AxorOptions, createAxor, fetchHandler, memoryStorage } from "../src/index.js";
import { readDjangoAxorJwt } from "../src/legacy/django-jwt.js";
import type { ClientMode, StorageAdapter } from "../src/storage.js";
import { djangoAxorJwt, djangoAxorRawKey } from "./support/django-axor-jwt.js";

const START = Date.parse("2030-01-01T00:00:00Z");
const DJANGO_SECRET = "django-insecure-test-key-for-the-legacy-window";
const PASSWORD = "old django password";
const DAY = 24 * 3600 * 1000;

/** An Axor over memory storage holding one imported Django Axor user (bcrypt hash). */
async function setup(options: Partial<AxorOptions> = {}) {
  const storage = memoryStorage();
  const axor = createAxor({
    storage,
    secret: "legacy-secret-legacy-secret-legacy-secret",
    rateLimits: false,
    mailer: { send: async () => {} },
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    now: () => new Date(START),
    legacy: { djangoAxor: { secretKey: DJANGO_SECRET } },
    ...options,
  });
  const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
  const email = `ada-${randomUUID()}@example.com`;
  const userId = randomUUID();
  const at = new Date(START - 30 * DAY);
  await storage.createUser({
    id: userId,
    email,
    passwordHash: await bcryptHash(PASSWORD, { cost: 4 }),
    firstName: "Ada",
    lastName: "Lovelace",
    timezone: "UTC",
    isActive: true,
    isEmailVerified: true,
    createdAt: at,
    updatedAt: at,
  });
  const call = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
    handler(new Request(`http://localhost/api/user${path}`, { headers, ...init }));
  return { axor, storage, call, email, userId };
}

/** A session row as the importer writes it: the key hash is Django's SHA-256 hex of the raw key. */
async function importedSession(storage: StorageAdapter, userId: string, kind: ClientMode) {
  const rawKey = djangoAxorRawKey();
  const at = new Date(START - DAY);
  await storage.createSession({
    id: randomUUID(),
    userId,
    kind,
    keyHash: sha256(rawKey),
    createdAt: at,
    updatedAt: at,
    lastUsedAt: at,
    expireAt: new Date(START + 20 * DAY),
    ip: "203.0.113.5",
    ua: "old browser",
  });
  return rawKey;
}

describe("Django Axor JWTs (legacy.djangoAxor)", () => {
  it("reads the raw key of a well-signed HS256 JWT, and nothing of a bent or foreign one", () => {
    const raw = djangoAxorRawKey();
    const now = new Date(START);
    const jwt = djangoAxorJwt(DJANGO_SECRET, "session_key", raw);
    expect(readDjangoAxorJwt(jwt, DJANGO_SECRET, "session_key", now)).toBe(raw);
    expect(readDjangoAxorJwt(jwt, DJANGO_SECRET, "app_token", now)).toBeNull();
    expect(readDjangoAxorJwt(jwt, "another secret", "session_key", now)).toBeNull();
    const [h, p, s = ""] = jwt.split(".");
    const bent = `${s.slice(0, -2)}${s.endsWith("AA") ? "BA" : "AA"}`;
    expect(readDjangoAxorJwt(`${h}.${p}.${bent}`, DJANGO_SECRET, "session_key", now)).toBeNull();
    const none = djangoAxorJwt(DJANGO_SECRET, "session_key", raw, { alg: "none" });
    expect(readDjangoAxorJwt(none, DJANGO_SECRET, "session_key", now)).toBeNull();
    const hs512 = djangoAxorJwt(DJANGO_SECRET, "session_key", raw, { alg: "HS512" });
    expect(readDjangoAxorJwt(hs512, DJANGO_SECRET, "session_key", now)).toBeNull();
    expect(readDjangoAxorJwt(`${h}.${p}.`, DJANGO_SECRET, "session_key", now)).toBeNull();
    expect(readDjangoAxorJwt(`${h}.${p}`, DJANGO_SECRET, "session_key", now)).toBeNull();
    const short = djangoAxorJwt(DJANGO_SECRET, "session_key", "abc");
    expect(readDjangoAxorJwt(short, DJANGO_SECRET, "session_key", now)).toBeNull();
  });

  it("lets the old cookie get me/ and swaps it for a native cookie with the same session", async () => {
    const { call, storage, userId, email } = await setup();
    const rawKey = await importedSession(storage, userId, "web");
    const jwt = djangoAxorJwt(DJANGO_SECRET, "session_key", rawKey);
    const response = await call("/me/", { cookie: `axor_auth=${jwt}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe(email);
    const cookies = response.headers.getSetCookie();
    const native = cookies.find((c) => c.startsWith("axor_session="));
    expect(native).toContain(`axor_session=${rawKey}`);
    expect(native).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith("axor_auth="))).toMatch(/Max-Age=0/);
    // The native cookie alone now works: the same session.
    const again = await call("/me/", { cookie: `axor_session=${rawKey}` });
    expect(again.status).toBe(200);
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it("accepts the old Bearer JWT of an imported app token, and no web session by Bearer", async () => {
    const { call, storage, userId, email } = await setup();
    const appKey = await importedSession(storage, userId, "app");
    const bearer = djangoAxorJwt(DJANGO_SECRET, "app_token", appKey);
    const response = await call("/me/", { authorization: `Bearer ${bearer}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe(email);
    expect(response.headers.getSetCookie()).toEqual([]);
    const webKey = await importedSession(storage, userId, "web");
    const crossed = djangoAxorJwt(DJANGO_SECRET, "app_token", webKey);
    expect((await call("/me/", { authorization: `Bearer ${crossed}` })).status).toBe(401);
  });

  it("refuses old credentials when the option is off, signed with another key, or revoked", async () => {
    const off = await setup({ legacy: {} });
    const rawKey = await importedSession(off.storage, off.userId, "web");
    const jwt = djangoAxorJwt(DJANGO_SECRET, "session_key", rawKey);
    expect((await off.call("/me/", { cookie: `axor_auth=${jwt}` })).status).toBe(401);

    const on = await setup();
    const key = await importedSession(on.storage, on.userId, "web");
    const forged = djangoAxorJwt("not the secret", "session_key", key);
    expect((await on.call("/me/", { cookie: `axor_auth=${forged}` })).status).toBe(401);
    const good = djangoAxorJwt(DJANGO_SECRET, "session_key", key);
    const logout = await on.call(
      "/logout/",
      { cookie: `axor_auth=${good}`, origin: "http://localhost" },
      { method: "POST" },
    );
    expect(logout.status).toBe(204);
    expect((await on.call("/me/", { cookie: `axor_auth=${good}` })).status).toBe(401);
  });

  it("validates the option at startup: an empty secretKey or a bad cookie name is refused", () => {
    const base = { storage: memoryStorage(), secret: "legacy-secret-legacy-secret-legacy-secret" };
    expect(() => createAxor({ ...base, legacy: { djangoAxor: { secretKey: "" } } })).toThrow(
      /"legacy\.djangoAxor\.secretKey": must not be empty/,
    );
    expect(() =>
      createAxor({ ...base, legacy: { djangoAxor: { secretKey: "k", cookieName: "a b" } } }),
    ).toThrow(/legacy\.djangoAxor\.cookieName/);
    expect(createAxor(base).options.legacy).toEqual({});
    const on = createAxor({ ...base, legacy: { djangoAxor: { secretKey: "k" } } });
    expect(on.options.legacy.djangoAxor?.cookieName).toBe("axor_auth");
  });

  it("keeps the old cookie's name when it is also the native one: one Set-Cookie", async () => {
    const { call, storage, userId } = await setup({ cookie: { name: "axor_auth" } });
    const rawKey = await importedSession(storage, userId, "web");
    const jwt = djangoAxorJwt(DJANGO_SECRET, "session_key", rawKey);
    const response = await call("/me/", { cookie: `axor_auth=${jwt}` });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toContain(`axor_auth=${rawKey}`);
  });
});

describe("bcrypt password hashes from Django Axor", () => {
  it("log the user in with the old password and are replaced by argon2id", async () => {
    const { axor, storage, email } = await setup();
    const client = { ip: "127.0.0.1", userAgent: "t", mode: "web" as const, credential: null };
    await expect(axor.login({ email, password: "wrong password" }, client)).rejects.toThrow();
    expect((await storage.getUserByEmail(email))?.passwordHash).toMatch(/^\$2b\$04\$/);
    await axor.login({ email, password: PASSWORD }, client);
    const stored = (await storage.getUserByEmail(email))?.passwordHash ?? "";
    expect(stored).toMatch(/^\$argon2id\$/);
    await axor.login({ email, password: PASSWORD }, client);
    expect((await storage.getUserByEmail(email))?.passwordHash).toBe(stored);
  });

  it("verifies a $2b$12$ hash (Django Axor's cost) and rehashes it", async () => {
    const { axor, storage, userId } = await setup();
    const email = `cost12-${randomUUID()}@example.com`;
    await storage.updateUser(userId, {
      email,
      passwordHash: await bcryptHash(PASSWORD, { cost: 12 }),
      updatedAt: new Date(START),
    });
    const client = { ip: "127.0.0.1", userAgent: "t", mode: "app" as const, credential: null };
    const result = await axor.login({ email, password: PASSWORD }, client);
    expect(result.key).toBeTruthy();
    expect((await storage.getUserByEmail(email))?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
