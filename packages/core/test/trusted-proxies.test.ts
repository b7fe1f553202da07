import { describe, expect, it } from "vitest";
import type { AxorRequest } from "../src/index.js";
import { testAxor } from "./test-axor.js";

const request = (ip: string, headers: Record<string, string> = {}): AxorRequest => ({
  method: "GET",
  path: "/me/",
  headers,
  ip,
  protocol: "http",
});

describe("client IP and trusted proxies", () => {
  it("ignores X-Forwarded-For by default", () => {
    const { axor } = testAxor();
    const client = axor.clientInfo(request("127.0.0.1", { "x-forwarded-for": "203.0.113.9" }));
    expect(client.ip).toBe("127.0.0.1");
  });

  it("takes the nearest untrusted hop when the peer is a trusted proxy", () => {
    const { axor } = testAxor({ trustedProxies: ["10.0.0.0/8", "::1"] });
    const forwarded = { "x-forwarded-for": "198.51.100.1, 203.0.113.9, 10.1.2.3" };
    expect(axor.clientInfo(request("::ffff:10.0.0.5", forwarded)).ip).toBe("203.0.113.9");
    expect(axor.clientInfo(request("::1", forwarded)).ip).toBe("203.0.113.9");
    expect(axor.clientInfo(request("192.0.2.7", forwarded)).ip).toBe("192.0.2.7");
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const { axor } = testAxor({ trustedProxies: ["127.0.0.1"] });
    expect(axor.clientInfo(request("127.0.0.1", { "x-forwarded-proto": "https" })).secure).toBe(
      true,
    );
    expect(axor.clientInfo(request("192.0.2.7", { "x-forwarded-proto": "https" })).secure).toBe(
      false,
    );
  });

  it("reads mode and credential", () => {
    const { axor } = testAxor();
    const app = axor.clientInfo(
      request("127.0.0.1", {
        "x-requested-by": "mobile_app",
        authorization: "Bearer abc",
        cookie: "axor_session=xyz",
      }),
    );
    expect(app).toMatchObject({ mode: "app", credential: { source: "bearer", key: "abc" } });
    const web = axor.clientInfo(
      request("127.0.0.1", { "x-requested-by": "web", cookie: "axor_session=xyz" }),
    );
    expect(web).toMatchObject({ mode: "web", credential: { source: "cookie", key: "xyz" } });
    expect(axor.clientInfo(request("127.0.0.1", { authorization: "Basic x" })).credential).toEqual({
      source: "bearer",
      key: "",
    });
  });
});
