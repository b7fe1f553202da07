import { expect } from "vitest";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Asserts an ISO 8601 UTC timestamp (`...Z`) that parses to a real date. */
export function expectIsoUtc(value: unknown): void {
  expect(value).toBeTypeOf("string");
  expect(value as string).toMatch(isoUtc);
  expect(Number.isNaN(Date.parse(value as string))).toBe(false);
}

/**
 * Asserts the contract's User object: exactly its fields, with their types, never a hash.
 *
 * @example
 * ```ts
 * const response = await ctx.client().post("login/", { email: "ada@example.com", password });
 * const body = expectLoginResponse(response.body, "web");
 * expectUser(body.user, { email: "ada@example.com", first_name: "Ada" });
 * ```
 */
export function expectUser(user: unknown, expected: Record<string, unknown> = {}): void {
  expect(user).toBeTypeOf("object");
  const record = user as Record<string, unknown>;
  expect(Object.keys(record).sort()).toEqual(
    [
      "created_at",
      "email",
      "first_name",
      "id",
      "is_active",
      "is_email_verified",
      "last_name",
      "timezone",
      "totp_enabled",
      "updated_at",
    ].sort(),
  );
  expect(record.id).toMatch(uuid);
  for (const key of ["email", "first_name", "last_name", "timezone"]) {
    expect(record[key], key).toBeTypeOf("string");
  }
  for (const key of ["is_active", "is_email_verified", "totp_enabled"]) {
    expect(record[key], key).toBeTypeOf("boolean");
  }
  expectIsoUtc(record.created_at);
  expectIsoUtc(record.updated_at);
  expect(record).toMatchObject(expected);
}

/** Asserts the contract's Session object (a web session). */
export function expectSession(session: unknown, expected: Record<string, unknown> = {}): void {
  expectSessionLike(session, ["updated_at"]);
  expect(session).toMatchObject(expected);
}

/** Asserts the contract's AppToken object (an app's Bearer token). */
export function expectAppToken(token: unknown, expected: Record<string, unknown> = {}): void {
  expectSessionLike(token, ["last_used_at"]);
  expect(token).toMatchObject(expected);
}

function expectSessionLike(value: unknown, ownDates: string[]): void {
  expect(value).toBeTypeOf("object");
  expect(value).not.toBeNull();
  const record = value as Record<string, unknown>;
  const keys = ["id", "is_valid", "created_at", "expire_at", "ip", "ua", ...ownDates];
  for (const key of keys) expect(record, key).toHaveProperty(key);
  for (const key of Object.keys(record)) expect([...keys, "current"]).toContain(key);
  expect(record.id).toBeTypeOf("string");
  expect(record.id as string).not.toBe("");
  expect(record.is_valid).toBeTypeOf("boolean");
  for (const key of ["created_at", "expire_at", ...ownDates]) expectIsoUtc(record[key]);
  for (const key of ["ip", "ua"]) {
    expect(record[key] === null || typeof record[key] === "string", key).toBe(true);
  }
}

/**
 * Asserts a login or register answer: `last_session`, `last_token_session`, `user`, and
 * `session: {id, key}` exactly in app mode. Returns the body, typed.
 *
 * @example
 * ```ts
 * const response = await ctx.client("app").post("login/", { email, password });
 * const body = expectLoginResponse(response.body, "app");
 * body.session?.key; // the Bearer key
 * ```
 */
export function expectLoginResponse(body: unknown, mode: "web" | "app"): LoginBody {
  expect(body).toBeTypeOf("object");
  const record = body as LoginBody;
  const keys = ["last_session", "last_token_session", "user"];
  if (mode === "app") keys.push("session");
  expect(Object.keys(record).sort()).toEqual(keys.sort());
  expectUser(record.user);
  if (record.last_session !== null) expectSession(record.last_session);
  if (record.last_token_session !== null) expectAppToken(record.last_token_session);
  if (mode === "app") {
    expect(Object.keys(record.session ?? {}).sort()).toEqual(["id", "key"]);
    expect(record.session?.id).toBeTypeOf("string");
    expect(record.session?.key).toBeTypeOf("string");
    // At least 128 bits: 22 base64url characters or 32 hex digits.
    expect((record.session?.key ?? "").length).toBeGreaterThanOrEqual(22);
  }
  expectNoSecrets(record);
  return record;
}

/** A login or register answer, as the suite reads it. */
export interface LoginBody {
  last_session: Record<string, unknown> | null;
  last_token_session: Record<string, unknown> | null;
  user: Record<string, unknown> & { id: string; email: string };
  session?: { id: string; key: string };
}

/** Asserts that no key anywhere in a JSON value names a hash or a password. */
export function expectNoSecrets(value: unknown, path = "$"): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => expectNoSecrets(item, `${path}[${index}]`));
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    expect(/hash|password|secret/i.test(key), `${path}.${key}`).toBe(false);
    expectNoSecrets(inner, `${path}.${key}`);
  }
}
