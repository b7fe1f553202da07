import { BlockList, isIP } from "node:net";

/** Decides which peers' forwarded headers are believed. */
export interface TrustedProxies {
  trusts(ip: string): boolean;
}

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d{1,5})?$/;

/**
 * An address as written by a socket or a proxy, made plain: "::ffff:10.0.0.1" -> "10.0.0.1",
 * "203.0.113.9:40001" -> "203.0.113.9", "[2001:db8::9]:443" -> "2001:db8::9". Anything else is
 * returned trimmed, unchanged (callers check it with `isIP`).
 */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim();
  const withoutPort =
    IPV4_WITH_PORT.exec(trimmed)?.[1] ?? BRACKETED_IPV6.exec(trimmed)?.[1] ?? trimmed;
  return withoutPort.toLowerCase().startsWith("::ffff:") && isIP(withoutPort.slice(7)) === 4
    ? withoutPort.slice(7)
    : withoutPort;
}

/**
 * Builds the trust list from addresses and CIDR ranges ("10.0.0.0/8", "::1", "127.0.0.1").
 * Throws naming an entry that is neither.
 */
export function createTrustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (family === 0)
      throw new TypeError(`Invalid Axor option "trustedProxies": "${entry}" is not an IP or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
        throw new TypeError(
          `Invalid Axor option "trustedProxies": "${entry}" has a bad prefix length`,
        );
      }
      list.addSubnet(address, bits, type);
    }
  }
  return {
    trusts(ip) {
      if (entries.length === 0) return false; // the default: no work per request
      const address = normalizeIp(ip);
      const family = isIP(address);
      if (family === 0) return false;
      return list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
