import { describe, it } from "vitest";
import { newAccountFields } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectSessionCookie } from "./session-cookie-assertions.js";

const thirtyDays = 30 * 24 * 3600;
const loopback = ["127.0.0.1", "::1"];

/** The cookie's Secure attribute: when configured, or when the request came over https. */
export function describeCookieSecurityContract(start: StartContractServer): void {
  describe("Secure session cookie when configured", () => {
    const ctx = useContractServer(start, { cookie: { secure: true } });

    it("marks the cookie Secure even over plain http", async () => {
      const response = await ctx.client().post("register/", newAccountFields());
      expectSessionCookie(response, thirtyDays, true);
    });
  });

  describe("Secure session cookie behind a trusted proxy", () => {
    const ctx = useContractServer(start, { trustedProxies: loopback });

    it("marks the cookie Secure when a trusted proxy says the request came over https", async () => {
      // The browser's page is on https, so its Origin is too (login CSRF compares it).
      const origin = ctx.server.origin.replace(/^http:/, "https:");
      const response = await ctx.client().post("register/", newAccountFields(), {
        headers: { "x-forwarded-proto": "https", origin },
      });
      expectSessionCookie(response, thirtyDays, true);
    });

    it("leaves it off when the proxy says http", async () => {
      const response = await ctx
        .client()
        .post("register/", newAccountFields(), { headers: { "x-forwarded-proto": "http" } });
      expectSessionCookie(response, thirtyDays, false);
    });
  });

  describe("X-Forwarded-Proto from an untrusted peer", () => {
    const ctx = useContractServer(start);

    it("is ignored: no Secure over plain http", async () => {
      const response = await ctx
        .client()
        .post("register/", newAccountFields(), { headers: { "x-forwarded-proto": "https" } });
      expectSessionCookie(response, thirtyDays, false);
    });
  });
}
