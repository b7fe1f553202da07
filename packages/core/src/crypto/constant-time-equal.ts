import { timingSafeEqual } from "node:crypto";

/** Compares two strings without leaking where they differ. Different lengths: false. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
