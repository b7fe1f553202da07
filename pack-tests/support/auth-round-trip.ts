import { expect } from "vitest";

const APP_CLIENT = { "content-type": "application/json", "x-requested-by": "mobile_app" };

/** POSTs JSON as an app client (Bearer keys, no cookies) and returns the status and body. */
async function post(url: string, body: unknown, key?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { ...APP_CLIENT, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

/** GETs `me/` with a Bearer key. */
async function me(api: string, key: string) {
  const response = await fetch(`${api}/me/`, {
    headers: { "x-requested-by": "mobile_app", authorization: `Bearer ${key}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/**
 * Register, login, me, logout over HTTP against an app serving Axor at /api/user, asserting
 * each answer: the key of the logged-out session no longer opens `me/`, and the app's own
 * guarded route sees the user.
 */
export async function expectAuthRoundTrip(origin: string): Promise<void> {
  const api = `${origin}/api/user`;
  const email = `pack-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = "correct horse battery staple";

  const registered = await post(`${api}/register/`, {
    email,
    password,
    first_name: "Ada",
    last_name: "Lovelace",
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);

  const login = await post(`${api}/login/`, { email, password });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const key = login.body.session?.key as string;
  expect(key).toEqual(expect.any(String));

  const current = await me(api, key);
  expect(current.status).toBe(200);
  expect(current.body.user?.email).toBe(email);

  const hello = await fetch(`${origin}/api/hello`, { headers: { authorization: `Bearer ${key}` } });
  expect(await hello.json()).toEqual({ hello: "Ada" });

  const logout = await post(`${api}/logout/`, {}, key);
  expect([200, 204]).toContain(logout.status);
  expect((await me(api, key)).status).toBe(401);
}
