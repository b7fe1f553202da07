import { isIP } from "node:net";

/**
 * The part of a client address that rate limits count by: an IPv4 address whole, an IPv6
 * address by its /64 (one subscriber's usual allocation; counting each of its 2^64 addresses
 * apart would let one client dodge every per-IP limit). Node has no IPv6 expansion helper, so
 * the groups are expanded here.
 *
 * @example
 * ```ts
 * clientIpKey("2001:db8:1:2:aaaa::1"); // "2001:db8:1:2::/64"
 * clientIpKey("203.0.113.9"); // "203.0.113.9"
 * ```
 */
export function clientIpKey(ip: string): string {
  const address = ip.split("%", 1)[0] ?? ip; // drop a zone ("fe80::1%eth0")
  if (isIP(address) !== 6) return ip;
  const [head = "", tail] = address.split("::");
  const groupsOf = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group]));
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(":")}::/64`;
}
