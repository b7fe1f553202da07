import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { clientIpKey } from "../rate-limit/client-ip-key.js";
import type { RateLimitName } from "../rate-limit/rate-limiter.js";

/**
 * How long an address that signed in to an account stays known to it, from that first
 * sign-in (the first sign-in after it ends starts another period).
 */
export const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

const knownAddressKey = (email: string, ip: string) => `login:known:${email}:${clientIpKey(ip)}`;

/** The counter a login attempt's failure is charged to, beyond its address's own. */
export interface LoginScope {
  limit: RateLimitName;
  key: string;
}

/**
 * Where a login attempt for `email` is counted (the policy in docs/security.md): a browser
 * with the account's device cookie, or an address that signed in to the account before, is a
 * trusted client with a count of its own (`login` rule); anybody else shares the account's
 * ceiling for untrusted clients (`loginAccount` rule). Guessing from elsewhere thus never
 * locks out a client that signed in before.
 */
export async function loginScope(
  ctx: AxorContext,
  email: string,
  client: ClientInfo,
): Promise<LoginScope> {
  const device = ctx.deviceTokens.verify(email, client.deviceToken);
  if (device) return { limit: "login", key: `login:device:${email}:${device}` };
  if (client.ip !== "" && ctx.options.rateLimits !== false) {
    if (await ctx.limiter.isRunning(knownAddressKey(email, client.ip))) {
      return { limit: "login", key: `login:address:${email}:${clientIpKey(client.ip)}` };
    }
  }
  return { limit: "loginAccount", key: `login:account:${email}` };
}

/**
 * After a sign-in: the client's address becomes known to the account (for app clients, which
 * keep no cookie), and a browser gets a device token. A failure to remember is reported, not
 * fatal: the client is merely not trusted yet.
 */
export async function trustSignedInClient(
  ctx: AxorContext,
  email: string,
  client: ClientInfo,
): Promise<string | undefined> {
  if (client.ip !== "" && ctx.options.rateLimits !== false) {
    await ctx.limiter
      .remember(knownAddressKey(email, client.ip), KNOWN_ADDRESS_SECONDS)
      .catch((error: unknown) => ctx.reportError(error, "remembering a signed-in address"));
  }
  return client.mode === "web" ? ctx.deviceTokens.issue(email) : undefined;
}
