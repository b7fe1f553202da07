import { createHash, randomBytes, randomUUID } from "node:crypto";
import type {
  NewSession,
  NewUser,
  OneTimeTokenRecord,
  TotpRecord,
  UserRecord,
  UserStorage,
} from "@axor/core/storage";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An email no other test uses, so tests can share one database.
 *
 * @example
 * ```ts
 * const email = uniqueEmail("reset"); // "reset-1b9d...@example.com"
 * ```
 */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID()}@example.com`;
}

/**
 * A fresh hex SHA-256, shaped like the session key and token hashes the core stores.
 *
 * @example
 * ```ts
 * const session = makeNewSession(user.id, { keyHash: randomHash() });
 * ```
 */
export function randomHash(): string {
  return createHash("sha256").update(randomBytes(32)).digest("hex");
}

/**
 * The instant `ms` milliseconds after `date` (before it when negative).
 *
 * @example
 * ```ts
 * const expireAt = msAfter(now, 60_000);
 * ```
 */
export function msAfter(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/**
 * A valid `NewUser` with a fresh id and email; `overrides` replace any field.
 *
 * @example
 * ```ts
 * const user = await storage.createUser(makeNewUser({ isEmailVerified: true }));
 * ```
 */
export function makeNewUser(overrides: Partial<NewUser> = {}): NewUser {
  const now = new Date();
  return {
    id: randomUUID(),
    email: uniqueEmail(),
    passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${randomBytes(16).toString("base64")}`,
    firstName: "Ada",
    lastName: "Lovelace",
    timezone: "Europe/London",
    isActive: true,
    isEmailVerified: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/**
 * Creates a user in `storage` from `makeNewUser(overrides)` and returns the stored record.
 *
 * @example
 * ```ts
 * const user = await insertUser(storage, { firstName: "Grace" });
 * ```
 */
export function insertUser(
  storage: Pick<UserStorage, "createUser">,
  overrides: Partial<NewUser> = {},
): Promise<UserRecord> {
  return storage.createUser(makeNewUser(overrides));
}

/**
 * A live web `NewSession` of `userId` (created now, expiring in 14 days); `overrides` replace
 * any field.
 *
 * @example
 * ```ts
 * await storage.createSession(makeNewSession(user.id, { kind: "app" }));
 * ```
 */
export function makeNewSession(userId: string, overrides: Partial<NewSession> = {}): NewSession {
  const now = new Date();
  return {
    id: randomUUID(),
    userId,
    kind: "web",
    keyHash: randomHash(),
    createdAt: now,
    updatedAt: now,
    lastUsedAt: now,
    expireAt: msAfter(now, 14 * DAY_MS),
    ip: "203.0.113.7",
    ua: "Mozilla/5.0 (X11; Linux x86_64) AxorConformance/1.0",
    ...overrides,
  };
}

/**
 * A live `verify_email` token for `user` (expiring in a day); `overrides` replace any field.
 *
 * @example
 * ```ts
 * await storage.createOneTimeToken(makeOneTimeToken(user, { purpose: "magic_link" }));
 * ```
 */
export function makeOneTimeToken(
  user: Pick<UserRecord, "id" | "email">,
  overrides: Partial<OneTimeTokenRecord> = {},
): OneTimeTokenRecord {
  const now = new Date();
  return {
    tokenHash: randomHash(),
    purpose: "verify_email",
    userId: user.id,
    email: user.email,
    createdAt: now,
    expireAt: msAfter(now, DAY_MS),
    ...overrides,
  };
}

/**
 * An unconfirmed TOTP setup of `userId` that has accepted no code yet; `overrides` replace any
 * field.
 *
 * @example
 * ```ts
 * await storage.saveTotp(makeTotpRecord(user.id), [randomHash(), randomHash()]);
 * ```
 */
export function makeTotpRecord(userId: string, overrides: Partial<TotpRecord> = {}): TotpRecord {
  const sealed = [randomBytes(12), randomBytes(16), randomBytes(20)].map((part) =>
    part.toString("base64url"),
  );
  return {
    userId,
    encryptedSecret: ["v1", ...sealed].join("."),
    confirmed: false,
    lastUsedStep: 0,
    createdAt: new Date(),
    ...overrides,
  };
}
