import { createHash, randomUUID } from "node:crypto";
import { type Axor, type AxorRequest, createAxor, memoryStorage } from "@axor/core";
import { BENCH_SECRET, sqliteAxor } from "./bench-axor.js";
import type { BenchDatabase } from "./bench-database.js";
import type { Metric } from "./result-table.js";
import { timePerOp } from "./time-per-op.js";

const CALLS = 20_000;
const DAY_MS = 24 * 3600 * 1000;

/** `GET /me/` with an app token, as an adapter hands it to `axor.handle`. */
export function meRequest(key: string): AxorRequest {
  return {
    method: "GET",
    path: "/me/",
    mountPath: "/api/user",
    headers: { host: "127.0.0.1", authorization: `Bearer ${key}`, "user-agent": "axor-bench" },
    ip: "127.0.0.1",
    protocol: "http",
  };
}

/** Throws unless `GET /me/` answers 200: a benchmark of 401s would measure nothing. */
export async function expectMeOk(axor: Axor, key: string): Promise<void> {
  const response = await axor.handle(meRequest(key));
  if (response.status !== 200) {
    throw new Error(`GET /me/ answered ${response.status}: ${response.body ?? ""}`);
  }
}

/** Memory storage with one user and one live app token; returns the Axor and the token. */
async function memoryAxor(): Promise<{ axor: Axor; key: string }> {
  const storage = memoryStorage();
  const now = new Date();
  const user = await storage.createUser({
    id: randomUUID(),
    email: "bench@example.com",
    passwordHash: "$argon2id$bench",
    firstName: "Bench",
    lastName: "User",
    timezone: "UTC",
    isActive: true,
    isEmailVerified: true,
    createdAt: now,
    updatedAt: now,
  });
  const key = "axor-bench-memory-storage-app-token";
  await storage.createSession({
    id: randomUUID(),
    userId: user.id,
    kind: "app",
    keyHash: createHash("sha256").update(key).digest("hex"),
    createdAt: now,
    updatedAt: now,
    // An hour ahead: the once-a-minute last_used_at write stays out of the measurement.
    lastUsedAt: new Date(now.getTime() + 3600_000),
    expireAt: new Date(now.getTime() + 80 * DAY_MS),
    ip: null,
    ua: null,
  });
  return { axor: createAxor({ storage, secret: BENCH_SECRET }), key };
}

function perOp(name: string, micros: number): Metric {
  const opsPerSecond = Math.round(1e6 / micros).toLocaleString("en-US");
  return {
    name,
    measured: `${micros.toFixed(1)} µs/op (${opsPerSecond} ops/s)`,
    target: "-",
    pass: null,
  };
}

/**
 * `axor.handle(GET /me/)` with a Bearer app token, on memory storage and on the SQLite file, and
 * on SQLite the pieces it is made of: hashing the key, the storage lookup, `authenticate` (client
 * info + the whole session resolution), then routing and the JSON answer on top.
 */
export async function benchCoreHandler(database: BenchDatabase): Promise<Metric[]> {
  const memory = await memoryAxor();
  await expectMeOk(memory.axor, memory.key);
  const memoryRequest = meRequest(memory.key);
  const memoryMicros = await timePerOp(CALLS, () => memory.axor.handle(memoryRequest));

  const sqlite = sqliteAxor(database.path);
  const key = database.keys[0] as string;
  const keyHash = database.keyHashes[0] as string;
  const request = meRequest(key);
  try {
    await expectMeOk(sqlite.axor, key);
    const hashMicros = await timePerOp(CALLS, () => createHash("sha256").update(key).digest("hex"));
    const lookupMicros = await timePerOp(CALLS, () =>
      sqlite.storage.getLiveSession(keyHash, new Date()),
    );
    const authenticateMicros = await timePerOp(CALLS, () => sqlite.axor.authenticate(request));
    const handleMicros = await timePerOp(CALLS, () => sqlite.axor.handle(request));
    return [
      perOp("core: handle GET /me/ (memory storage)", memoryMicros),
      perOp("core: handle GET /me/ (SQLite)", handleMicros),
      perOp("  of which: SHA-256 of the key", hashMicros),
      perOp("  of which: getLiveSession (same key)", lookupMicros),
      perOp("  of which: authenticate() in all", authenticateMicros),
    ];
  } finally {
    await sqlite.close();
  }
}
