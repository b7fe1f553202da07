import { describe, expect, it } from "vitest";
import { currentTotpCode } from "../src/storage.js";
import { matchTotpStep } from "../src/totp/totp-code.js";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; 6 digits are the last 6 of the 8.
const seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const vectors: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];

describe("TOTP codes", () => {
  it.each(vectors)("matches the RFC 6238 vector at T=%i", (seconds, code) => {
    const at = new Date(seconds * 1000);
    expect(currentTotpCode(seed, at)).toBe(code);
    expect(matchTotpStep(seed, code, at)).toBe(Math.floor(seconds / 30));
  });

  it("accepts one step either side and nothing further", () => {
    const at = new Date(1111111109 * 1000);
    const step = Math.floor(1111111109 / 30);
    for (const offset of [-1, 0, 1]) {
      const code = currentTotpCode(seed, new Date(at.getTime() + offset * 30_000));
      expect(matchTotpStep(seed, code, at)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      const code = currentTotpCode(seed, new Date(at.getTime() + offset * 30_000));
      expect(matchTotpStep(seed, code, at)).toBeNull();
    }
  });
});
