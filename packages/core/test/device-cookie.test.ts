import { describe, expect, it } from "vitest";
import { fetchHandler } from "../src/index.js";
import { testAxor, uniqueEmail } from "./test-axor.js";

const password = "correct horse battery";

function server(baseUrl?: string) {
  const { axor } = testAxor({
    rateLimits: {},
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    ...(baseUrl ? { baseUrl } : {}),
  });
  const handler = fetchHandler(axor, {
    mountPath: "/api/user",
    clientIp: (request) => request.headers.get("x-test-address") ?? "192.0.2.1",
  });
  const origin = baseUrl ?? "http://127.0.0.1:3000";
  return (path: string, body: object, headers: Record<string, string> = {}) =>
    handler(
      new Request(`${origin}/api/user/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, ...headers },
        body: JSON.stringify(body),
      }),
    );
}

describe("the device cookie", () => {
  it("a browser's sign-in sets it (HttpOnly, a year); an app's sets no cookie at all", async () => {
    const post = server();
    const email = uniqueEmail();
    const web = await post("register/", { email, password, first_name: "A", last_name: "B" });
    expect(web.status).toBe(201);
    const cookies = web.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies[1]).toMatch(
      /^axor_session_device=[\w-]{22}\.[\w-]{43}; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const app = await post("login/", { email, password }, { "x-requested-by": "mobile_app" });
    expect(app.status).toBe(200);
    expect(app.headers.getSetCookie()).toEqual([]);
  });

  it("is Secure, as the session cookie is, when baseUrl is https", async () => {
    const post = server("https://example.com");
    const response = await post("register/", {
      email: uniqueEmail(),
      password,
      first_name: "A",
      last_name: "B",
    });
    expect(response.status).toBe(201);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
  });

  it("lets the browser sign in while the account's ceiling is reached by guessing from elsewhere", async () => {
    const post = server();
    const email = uniqueEmail();
    const first = await post("register/", { email, password, first_name: "A", last_name: "B" });
    const device = (first.headers.getSetCookie()[1] ?? "").split(";")[0] as string;
    for (let i = 0; i < 40; i++) {
      const address = `203.0.113.${i}`; // guessing spread over forty addresses
      await post("login/", { email, password: `guess ${i}` }, { "x-test-address": address });
    }
    const refused = await post("login/", { email, password }, { "x-test-address": "192.0.2.9" });
    expect(refused.status).toBe(429);
    const trusted = await post(
      "login/",
      { email, password },
      { cookie: device, "x-test-address": "192.0.2.9" },
    );
    expect(trusted.status, await trusted.clone().text()).toBe(200);
  });
});
