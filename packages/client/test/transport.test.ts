import { describe, expect, it } from "vitest";
import { AxorClientError, createAxorClient, type FetchFunction } from "../src/index.js";

interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
}

/** A fetch that records what it is asked and answers `response()`. */
function recordingFetch(response: () => Response): FetchFunction & { sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    sent.push({ url, init, headers: new Headers(init.headers) });
    return response();
  };
  return Object.assign(fetch, { sent });
}

const userBody = { user: { email: "ada@example.com" } };
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("@axor/client requests", () => {
  it("web mode: credentials included, no X-Requested-By, no Authorization", async () => {
    const fetch = recordingFetch(() => json(userBody));
    const axor = createAxorClient({ baseUrl: "https://api.example.com/api/user/", fetch });
    await axor.changeName({ first_name: "Ada", last_name: "King" });
    const [call] = fetch.sent;
    expect(call?.url).toBe("https://api.example.com/api/user/change_name/");
    expect(call?.init.method).toBe("PUT");
    expect(call?.init.credentials).toBe("include");
    expect(call?.headers.get("x-requested-by")).toBeNull();
    expect(call?.headers.get("authorization")).toBeNull();
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(String(call?.init.body))).toEqual({ first_name: "Ada", last_name: "King" });
  });

  it("app mode: X-Requested-By, and the stored key as Bearer; no cookies", async () => {
    const fetch = recordingFetch(() => json(userBody));
    const axor = createAxorClient({ baseUrl: "http://x/api/user", mode: "app", fetch });
    await axor.me();
    await axor.keyStorage.set("the-key");
    await axor.me();
    expect(fetch.sent.map((call) => call.headers.get("authorization"))).toEqual([
      null,
      "Bearer the-key",
    ]);
    expect(fetch.sent.every((call) => call.headers.get("x-requested-by") === "mobile_app")).toBe(
      true,
    );
    expect(fetch.sent.every((call) => call.init.credentials === "omit")).toBe(true);
  });

  it("a 204 resolves with nothing", async () => {
    const axor = createAxorClient({
      baseUrl: "http://x/api/user",
      fetch: recordingFetch(() => new Response(null, { status: 204 })),
    });
    await expect(axor.requestPasswordReset({ email: "ada@example.com" })).resolves.toBeUndefined();
  });

  it("a 429 envelope carries Retry-After", async () => {
    const problem = {
      title: "Too many requests",
      detail: "Too many attempts. Please try again later.",
      status: "429",
      code: "RateLimited",
      instance: "/api/user/login/",
    };
    const fetch = recordingFetch(
      () =>
        new Response(JSON.stringify(problem), {
          status: 429,
          headers: { "content-type": "application/problem+json", "retry-after": "42" },
        }),
    );
    const axor = createAxorClient({ baseUrl: "http://x/api/user", fetch });
    const error = await axor.login({ email: "a@b.c", password: "p" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxorClientError);
    expect(error).toMatchObject({ code: "RateLimited", status: 429, retryAfter: 42, problem });
  });

  it("no answer at all: NetworkError, status 0, the cause kept", async () => {
    const cause = new TypeError("fetch failed");
    const axor = createAxorClient({
      baseUrl: "http://x/api/user",
      fetch: () => Promise.reject(cause),
    });
    const error = await axor.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxorClientError);
    expect(error).toMatchObject({ code: "NetworkError", status: 0, cause });
  });

  it("an answer that is not Axor's envelope: UnexpectedResponse with its status", async () => {
    const html = () => new Response("<h1>Bad gateway</h1>", { status: 502 });
    const axor = createAxorClient({ baseUrl: "http://x/api/user", fetch: recordingFetch(html) });
    const error = await axor.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UnexpectedResponse", status: 502 });
    expect((error as AxorClientError).problem.instance).toBe("/me/");
  });

  it("app mode: logout forgets the key even when the call fails", async () => {
    const axor = createAxorClient({
      baseUrl: "http://x/api/user",
      mode: "app",
      fetch: () => Promise.reject(new TypeError("offline")),
    });
    await axor.keyStorage.set("k");
    await expect(axor.logout()).rejects.toBeInstanceOf(AxorClientError);
    expect(await axor.keyStorage.get()).toBeNull();
  });
});
