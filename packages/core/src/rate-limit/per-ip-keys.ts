import type { AxorContext } from "../axor-context.js";
import { clientIpKey } from "./client-ip-key.js";

const warnedInstances = new WeakSet<object>();

/**
 * The per-IP counter key of `scope` for the client's address, as a list: empty when the
 * address is unknown (an adapter that could not tell it). One shared bucket for every unknown
 * caller would let ten wrong logins block everybody, so such requests are counted per account
 * and per address only; the first one warns (once per Axor instance) that the app must say
 * where the client address comes from.
 */
export function perIpKeys(ctx: AxorContext, scope: string, ip: string): string[] {
  if (ip !== "") return [`${scope}:ip:${clientIpKey(ip)}`];
  if (!warnedInstances.has(ctx.limiter)) {
    warnedInstances.add(ctx.limiter);
    process.emitWarning(
      "a request reached Axor without a client address, so per-IP rate limits are skipped for it; give the adapter a way to read the address (clientIp / getClientIp), see docs/security.md",
      { code: "AXOR_UNKNOWN_CLIENT_ADDRESS" },
    );
  }
  return [];
}
