import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { type AxorOptions, type AxorRequest, memoryStorage } from "../src/index.js";
import {
  type SessionWithUser,
  type StorageAdapter,
  StorageUnavailableError,
} from "../src/storage.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

const PASSWORD = "correct horse battery";

/**
 * Memory storage whose session lookup answers at once (a value, not a promise), as the SQLite
 * adapter's reader does: it answers what the memory storage answered when asked through
 * `learn`, so a test decides what the lookup sees.
 */
function answeringAtOnce() {
  const memory = memoryStorage();
  const answers = new Map<string, SessionWithUser | null>();
  const storage: StorageAdapter = {
    ...memory,
    getLiveSession: (keyHash) => answers.get(keyHash) ?? null,
  };
  const learn = async (keyHash: string) => {
    answers.set(keyHash, await memory.getLiveSession(keyHash, new Date()));
  };
  return { storage, answers, learn };
}

/** An Axor over `storage` (testAxor's settings) with a user signed in from an app. */
async function signedIn(storage: StorageAdapter, overrides: Partial<AxorOptions> = {}) {
  const reported: unknown[] = [];
  const { axor } = testAxor({
    storage,
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    onError: (error) => reported.push(error),
    ...overrides,
  });
  const client = { ...webClient, mode: "app" as const };
  const email = uniqueEmail();
  await axor.register({ email, password: PASSWORD, first_name: "Ada", last_name: "L" }, client);
  const { key } = await axor.login({ email, password: PASSWORD }, client);
  const keyHash = createHash("sha256").update(key).digest("hex");
  const me: AxorRequest = {
    method: "GET",
    path: "/me/",
    mountPath: "/api/user",
    headers: { authorization: `Bearer ${key}` },
    ip: "127.0.0.1",
    protocol: "http",
  };
  return { axor, email, keyHash, me, reported };
}

describe("a storage whose session lookup answers synchronously", () => {
  it("serves me/ from the value it answers, and refuses when it answers null", async () => {
    const { storage, learn, answers } = answeringAtOnce();
    const { axor, email, keyHash, me } = await signedIn(storage);
    await learn(keyHash);

    const ok = await axor.handle(me);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body ?? "").user.email).toBe(email);
    expect((await axor.authenticate(me)).auth?.user.email).toBe(email);

    answers.set(keyHash, null); // revoked, as far as the storage knows
    expect((await axor.handle(me)).status).toBe(401);
    await axor.close();
  });

  it("still checks what it answers: another key's session is refused", async () => {
    const { storage, learn, answers } = answeringAtOnce();
    const { axor, keyHash, me } = await signedIn(storage);
    await learn(keyHash);
    const found = answers.get(keyHash) as SessionWithUser;
    answers.set(keyHash, { ...found, session: { ...found.session, keyHash: "0".repeat(64) } });
    expect((await axor.handle(me)).status).toBe(401);
    await axor.close();
  });

  it("a lookup that throws at once is the contract's 503, not a crash", async () => {
    const { storage } = answeringAtOnce();
    const { axor, me, reported } = await signedIn({
      ...storage,
      getLiveSession: () => {
        throw new StorageUnavailableError();
      },
    });
    const response = await axor.handle(me);
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body ?? "").code).toBe("ServiceUnavailable");
    expect(reported).toHaveLength(1);
    await expect(axor.authenticate(me)).rejects.toBeInstanceOf(StorageUnavailableError);
    await axor.close();
  });

  it("with the session cache on, the value is cached like a promised one", async () => {
    const { storage, learn } = answeringAtOnce();
    const reads = vi.spyOn(storage, "getLiveSession");
    const { axor, keyHash, me } = await signedIn(storage, { sessionCache: { ttlSeconds: 5 } });
    await learn(keyHash);
    reads.mockClear();
    expect((await axor.handle(me)).status).toBe(200);
    expect((await axor.handle(me)).status).toBe(200);
    expect(reads).toHaveBeenCalledTimes(1);
    await axor.close();
  });
});
