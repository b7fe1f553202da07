import { expect } from "vitest";
import { newAccountFields } from "../http/contract-accounts.js";
import { ADAPTER_API_PATH } from "./adapter-server.js";

/**
 * A user registered over HTTP: its credentials and what `register/` answered.
 *
 * @example
 * ```ts
 * const web: SignedInUser = await registerOverHttp(origin, "web");
 * await fetch(`${origin}/api/user/me/`, { headers: { cookie: web.cookie ?? "" } });
 * const app = await registerOverHttp(origin, "app");
 * await fetch(`${origin}/api/user/me/`, { headers: { authorization: `Bearer ${app.key}` } });
 * ```
 */
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
function sessionCookieOf(response: Response): string | undefined {
  const line = response.headers.getSetCookie().find((value) => value.startsWith("axor_session="));
  return line?.split(";", 1)[0];
}

/**
 * Registers a new user ("Ada") through `POST <origin>/api/user/register/` as a web client
 * (keeps the cookie) or an app client (keeps the Bearer key), asserting the 201; `headers`
 * are added to the request.
 *
 * @example
 * ```ts
 * const user = await registerOverHttp(origin, "web");
 * await fetch(`${origin}/api/hello`, { headers: { cookie: user.cookie ?? "" } });
 * ```
 */
export async function registerOverHttp(
  origin: string,
  mode: "web" | "app",
  headers: Record<string, string> = {},
): Promise<SignedInUser> {
  const fields = newAccountFields();
  const response = await fetch(`${origin}${ADAPTER_API_PATH}/register/`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(mode === "app" ? { "x-requested-by": "mobile_app" } : {}),
      ...headers,
    },
    body: JSON.stringify(fields),
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  const body = JSON.parse(text) as SignedInUser["body"];
  const cookie = sessionCookieOf(response);
  if (mode === "web") expect(cookie, "a web register sets the session cookie").toBeDefined();
  return {
    email: fields.email,
    password: fields.password,
    firstName: fields.first_name,
    body,
    ...(cookie ? { cookie } : {}),
    ...(body.session ? { key: body.session.key } : {}),
  };
}
