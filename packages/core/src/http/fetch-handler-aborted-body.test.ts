import { describe, expect, it } from "vitest";
import { createAxor } from "../create-axor.js";
import { memoryStorage } from "../storage/memory-storage.js";
import { fetchHandler } from "./fetch-handler.js";

describe("fetchHandler with a body the client abandoned", () => {
  it("answers the 400 envelope and reports nothing", async () => {
    const reported: unknown[] = [];
    const axor = createAxor({
      storage: memoryStorage(),
      secret: "fetch-handler-test-secret-0123456789abcdef",
      onError: (error) => reported.push(error),
    });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":'));
        controller.error(new Error("aborted"));
      },
    });
    const request = new Request("http://127.0.0.1/api/user/login/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await fetchHandler(axor, {
      mountPath: "/api/user",
      clientIp: () => "127.0.0.1",
    })(request);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      code: "InvalidJSON",
      detail: "The request body ended before it was complete.",
      instance: "/api/user/login/",
    });
    expect(reported).toEqual([]);
  });
});
