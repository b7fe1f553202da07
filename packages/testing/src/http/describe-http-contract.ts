import { describe } from "vitest";
import { describeActiveSessionsContract } from "./active-sessions-contract.js";
import { describeBodyContract } from "./body-contract.js";
import { describeChangeEmailContract } from "./change-email-contract.js";
import { describeChangeNameContract } from "./change-name-contract.js";
import { describeChangePasswordContract } from "./change-password-contract.js";
import type { StartContractServer } from "./contract-server.js";
import { describeCookieSecurityContract } from "./cookie-security-contract.js";
import { describeCsrfContract } from "./csrf-contract.js";
import { describeFuzzContract } from "./fuzz-contract.js";
import { describeLoginContract } from "./login-contract.js";
import { describeLogoutContract } from "./logout-contract.js";
import { describeMagicLinkContract } from "./magic-link-contract.js";
import { describeMeContract } from "./me-contract.js";
import { describePasswordResetContract } from "./password-reset-contract.js";
import { describeRateLimitContract } from "./rate-limit-contract.js";
import { describeRegisterContract } from "./register-contract.js";
import { describeRegisterValidationContract } from "./register-validation-contract.js";
import { describeRoutingContract } from "./routing-contract.js";
import { describeSessionLifetimeContract } from "./session-lifetime-contract.js";
import { describeTotpLoginContract } from "./totp-login-contract.js";
import { describeTotpSetupContract } from "./totp-setup-contract.js";
import { describeVerifyEmailContract } from "./verify-email-contract.js";

/**
 * The HTTP contract conformance suite (SPEC.md) for the endpoints that exist: register/,
 * login/, logout/, me/, plus routing, bodies, the error envelope, cookies, client modes, CSRF,
 * rate limits and session lifetimes. Every adapter and the core handler must pass it as is.
 * `start` is called once per describe block with the options that block needs.
 *
 * @example
 * ```ts
 * import { createAxor, fetchHandler, memoryStorage } from "@axor/core";
 * import { describeHttpContract } from "@axor/testing";
 *
 * describeHttpContract("core handler", async (overrides) => {
 *   const axor = createAxor({ storage: memoryStorage(), secret: "x".repeat(32), ...overrides });
 *   const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
 *   return {
 *     fetch: (path, init) => handler(new Request(`http://127.0.0.1/api/user/${path}`, init)),
 *     origin: "http://127.0.0.1",
 *     axor,
 *     close: async () => {},
 *   };
 * });
 * ```
 */
export function describeHttpContract(name: string, start: StartContractServer): void {
  describe(`HTTP contract: ${name}`, () => {
    describeRoutingContract(start);
    describeBodyContract(start);
    describeRegisterContract(start);
    describeRegisterValidationContract(start);
    describeLoginContract(start);
    describeTotpLoginContract(start);
    describeTotpSetupContract(start);
    describeLogoutContract(start);
    describeMeContract(start);
    describeVerifyEmailContract(start);
    describeChangeEmailContract(start);
    describeMagicLinkContract(start);
    describeChangeNameContract(start);
    describeChangePasswordContract(start);
    describePasswordResetContract(start);
    describeActiveSessionsContract(start);
    describeCookieSecurityContract(start);
    describeCsrfContract(start);
    describeRateLimitContract(start);
    describeSessionLifetimeContract(start);
    describeFuzzContract(start);
  });
}
