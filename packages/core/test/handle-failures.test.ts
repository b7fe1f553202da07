import { describe, expect, it } from "vitest";
import { type AxorRequest, createAxor, memoryStorage } from "../src/index.js";
import { type StorageAdapter, StorageUnavailableError } from "../src/storage.js";

/** Memory storage whose every verb throws `failure()`. */
function failingStorage(failure: () => Error): StorageAdapter {
  const storage = memoryStorage() as unknown as Record<string | symbol, unknown>;
  return new Proxy(storage, {
    get: (target, name) =>
      typeof target[name] === "function" ? () => Promise.reject(failure()) : target[name],
  }) as unknown as StorageAdapter;
}

const login: AxorRequest = {
  method: "POST",
  path: "/login/",
  mountPath: "/api/user",
  headers: { "content-type": "application/json", host: "127.0.0.1" },
  body: JSON.stringify({ email: "ada@example.com", password: "correct horse" }),
  ip: "127.0.0.1",
  protocol: "http",
};
const me: AxorRequest = {
  ...login,
  method: "GET",
  path: "/me/",
  body: undefined,
  headers: { authorization: `Bearer ${"k".repeat(43)}` },
};

function axorOver(storage: StorageAdapter, reported: unknown[]) {
  return createAxor({
    storage,
    secret: "s".repeat(32),
    mailer: { send: async () => {} },
    onError: (error) => reported.push(error),
  });
}

describe("failures inside the handler", () => {
  it("answers 503 ServiceUnavailable when the storage is unreachable, and reports it", async () => {
    const reported: unknown[] = [];
    const axor = axorOver(
      failingStorage(() => new StorageUnavailableError()),
      reported,
    );
    for (const request of [login, me]) {
      const response = await axor.handle(request);
      expect(response.status).toBe(503);
      expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
      expect(response.headers["retry-after"]).toBe("5");
      expect(JSON.parse(response.body ?? "")).toEqual({
        title: "Service unavailable",
        detail: "The service is temporarily unavailable. Please try again later.",
        status: "503",
        code: "ServiceUnavailable",
        instance: `/api/user${request.path}`,
      });
    }
    expect(reported).toHaveLength(2);
  });

  it("answers 500 InternalError without any internal detail for anything unexpected", async () => {
    const reported: unknown[] = [];
    const axor = axorOver(
      failingStorage(() => new Error("relation axor_users: secret detail")),
      reported,
    );
    const response = await axor.handle(login);
    expect(response.status).toBe(500);
    const body = JSON.parse(response.body ?? "");
    expect(body).toEqual({
      title: "Internal error",
      detail: "An unexpected error occurred.",
      status: "500",
      code: "InternalError",
      instance: "/api/user/login/",
    });
    expect(response.body).not.toMatch(/secret detail|axor_users|at /);
    expect((reported[0] as Error).message).toBe("relation axor_users: secret detail");
  });

  it("maps errors the same way for adapters' guards (errorResponse)", () => {
    const reported: unknown[] = [];
    const axor = axorOver(memoryStorage(), reported);
    expect(axor.errorResponse(new StorageUnavailableError(), "/api/hello").status).toBe(503);
    expect(axor.errorResponse(new TypeError("boom"), "/api/hello").status).toBe(500);
    expect(reported).toHaveLength(2);
  });
});

describe("odd requests from a hand-made caller", () => {
  it.each([
    ["constructor", "/login/", 405],
    ["__proto__", "/me/", 405],
    ["GET", "/__proto__/", 404],
    ["GET", "/constructor", 404],
    ["GET", "/hasOwnProperty/", 404],
  ])("%s %s -> %i in the envelope", async (method, path, status) => {
    const axor = axorOver(memoryStorage(), []);
    const response = await axor.handle({ ...login, method, path });
    expect(response.status).toBe(status);
    expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  });
});

describe("bodies and HEAD", () => {
  const axor = () => axorOver(memoryStorage(), []);
  const withType = (type: string): AxorRequest => ({
    ...login,
    headers: { ...login.headers, "content-type": type },
  });

  it.each(["application/json; charset=latin1", 'application/json; charset="utf-16"'])(
    "refuses JSON labelled %s with 415",
    async (type) => {
      const response = await axor().handle(withType(type));
      expect(response.status).toBe(415);
      expect(JSON.parse(response.body ?? "").detail).toBe("Send the JSON body as UTF-8.");
    },
  );

  it.each(["application/json; charset=UTF-8", "application/json;charset=utf8", "application/json"])(
    "reads JSON labelled %s",
    async (type) => {
      expect((await axor().handle(withType(type))).status).toBe(401); // InvalidCredentials
    },
  );

  it("answers HEAD errors with the headers and no body", async () => {
    const response = await axor().handle({ ...me, method: "HEAD" });
    expect(response.status).toBe(401);
    expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(response.body).toBeNull();
  });
});
