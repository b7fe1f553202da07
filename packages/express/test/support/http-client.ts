import { randomUUID } from "node:crypto";
import { expect } from "vitest";

/** Where the adapter tests mount the API. */
export const API = "/api/user";

/** A signed-in test user: its credential and what `register/` answered. */
export interface SignedInUser {
  email: string;
  password: string;
  firstName: string;
  /** `axor_session=<key>`, ready for a `Cookie` header (web clients). */
  cookie?: string;
  /** The Bearer key (app clients). */
  key?: string;
  body: { user: { first_name: string }; session?: { key: string } };
}

/** The `axor_session=...` pair of a response's Set-Cookie headers, if any. */
export function sessionCookieOf(response: Response): string | undefined {
  const line = response.headers.getSetCookie().find((value) => value.startsWith("axor_session="));
  return line?.split(";", 1)[0];
}

/**
 * Registers a new user over HTTP at `origin` as a web client (keeps the cookie) or an app
 * client (keeps the Bearer key), asserting the 201.
 *
 * @example
 * ```ts
 * const user = await registerUser(origin, "web");
 * await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie! } });
 * ```
 */
export async function registerUser(
  origin: string,
  mode: "web" | "app",
  headers: Record<string, string> = {},
): Promise<SignedInUser> {
  const email = `user-${randomUUID()}@example.com`;
  const password = "correct horse battery staple";
  const firstName = "Ada";
  const response = await fetch(`${origin}${API}/register/`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(mode === "app" ? { "x-requested-by": "mobile_app" } : {}),
      ...headers,
    },
    body: JSON.stringify({ email, password, first_name: firstName, last_name: "Lovelace" }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  const body = JSON.parse(text) as SignedInUser["body"];
  const cookie = sessionCookieOf(response);
  if (mode === "web") expect(cookie, "a web register sets the session cookie").toBeDefined();
  return {
    email,
    password,
    firstName,
    body,
    ...(cookie ? { cookie } : {}),
    ...(body.session ? { key: body.session.key } : {}),
  };
}

/** Asserts the contract's 401 `NotAuthenticated` envelope with `instance`. */
export async function expectNotAuthenticated(response: Response, instance: string): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(401);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(text)).toEqual({
    title: "Not authenticated",
    detail: "Authentication credentials were not provided or are invalid.",
    status: "401",
    code: "NotAuthenticated",
    instance,
  });
}

/** Parses a problem+json answer and returns its `code` and `status`, asserting the media type. */
export async function problemOf(
  response: Response,
): Promise<{ status: number; code: string; instance: string }> {
  const text = await response.text();
  expect(response.headers.get("content-type"), text).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as { code: string; instance: string };
  return { status: response.status, code: body.code, instance: body.instance };
}
