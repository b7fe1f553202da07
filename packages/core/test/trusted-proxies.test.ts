import { describe, expect, it } from "vitest";
import type { AxorRequest } from "../src/index.js";
import { clientIpKey } from "../src/rate-limit/client-ip-key.js";
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

  it("drops ports from forwarded hops and never takes junk as the client", () => {
    const { axor } = testAxor({ trustedProxies: ["10.0.0.0/8"] });
    const at = (forwarded: string) =>
      axor.clientInfo(request("10.0.0.1", { "x-forwarded-for": forwarded })).ip;
    expect(at("203.0.113.9:40001")).toBe("203.0.113.9");
    expect(at("[2001:db8::9]:443")).toBe("2001:db8::9");
    expect(at("junk, 10.0.0.7")).toBe("10.0.0.7");
    expect(at("198.51.100.1, not-an-ip")).toBe("10.0.0.1");
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
    const twice = { "x-requested-by": "web, web" };
    expect(axor.clientInfo(request("127.0.0.1", twice)).mode).toBe("web");
    const mixed = { "x-requested-by": "web, mobile_app" };
    expect(axor.clientInfo(request("127.0.0.1", mixed)).mode).toBe("app");
    // Another scheme (a staging site's Basic auth) is not Axor's: the cookie still counts.
    expect(
      axor.clientInfo(request("127.0.0.1", { authorization: "Basic x" })).credential,
    ).toBeNull();
    const basic = { authorization: "Basic x", cookie: "axor_session=xyz" };
    expect(axor.clientInfo(request("127.0.0.1", basic)).credential).toEqual({
      source: "cookie",
      key: "xyz",
    });
    // A malformed Bearer is a bad credential, never a fallback to the cookie.
    const emptyBearer = { authorization: "Bearer", cookie: "axor_session=xyz" };
    expect(axor.clientInfo(request("127.0.0.1", emptyBearer)).credential).toEqual({
      source: "bearer",
      key: "",
    });
  });
});

describe("rate-limit key of a client address", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:DB8:0001:0002::", "2001:db8:1:2::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
  ])("%s counts as %s", (ip, key) => {
    expect(clientIpKey(ip)).toBe(key);
  });
});
