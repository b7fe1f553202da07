import { describe, expect, it } from "vitest";
import { createBackupCodes, createSecretBox } from "../src/storage.js";

describe("createSecretBox", () => {
  const box = createSecretBox("k".repeat(32));
  const user = "3f0c6a4e-0000-4000-8000-000000000001";

  it("round-trips and never repeats a ciphertext", () => {
    const a = box.seal("JBSWY3DPEHPK3PXP", user);
    const b = box.seal("JBSWY3DPEHPK3PXP", user);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(a, user)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another key, another user's row, tampering, a short tag and garbage", () => {
    const sealed = box.seal("secret", user);
    expect(createSecretBox("o".repeat(32)).open(sealed, user)).toBeNull();
    expect(box.open(sealed, "another-user")).toBeNull();
    const parts = sealed.split(".");
    const tampered = [...parts];
    tampered[4] = Buffer.from("other").toString("base64url");
    expect(box.open(tampered.join("."), user)).toBeNull();
    const shortTag = [...parts];
    shortTag[3] = Buffer.from(parts[3] ?? "", "base64url")
      .subarray(0, 4)
      .toString("base64url");
    expect(box.open(shortTag.join("."), user)).toBeNull();
    expect(box.open("garbage", user)).toBeNull();
    expect(box.open("v2.a.b", user)).toBeNull();
  });

  it("rotates: a new secret seals, the previous one still opens what it sealed", () => {
    const old = createSecretBox("o".repeat(32));
    const sealedBefore = old.seal("JBSWY3DPEHPK3PXP", user);
    const rotated = createSecretBox("n".repeat(32), ["o".repeat(32)]);
    expect(rotated.open(sealedBefore, user)).toBe("JBSWY3DPEHPK3PXP");
    const sealedAfter = rotated.seal("JBSWY3DPEHPK3PXP", user);
    expect(sealedAfter.split(".")[1]).not.toBe(sealedBefore.split(".")[1]);
    expect(createSecretBox("n".repeat(32)).open(sealedAfter, user)).toBe("JBSWY3DPEHPK3PXP");
  });
});

describe("createBackupCodes", () => {
  const codes = createBackupCodes("k".repeat(32));

  it("makes 10 grouped codes of 95 random bits, never six digits, all different", () => {
    const made = codes.generate();
    expect(made).toHaveLength(10);
    for (const code of made) {
      expect(code).toMatch(
        /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{4}$/,
      );
      expect(code.replace(/-/g, "")).not.toMatch(/^\d{6}$/);
    }
    expect(new Set(made).size).toBe(10);
  });

  it("hashes case- and dash-insensitively with a key from the secret (an HMAC, not a bare SHA-256)", () => {
    const [code = ""] = codes.generate(1);
    expect(codes.hash(code.toUpperCase())).toBe(codes.hash(code.replace(/-/g, " ")));
    expect(codes.hash(code)).not.toBe(createBackupCodes("o".repeat(32)).hash(code));
    expect(codes.hash(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
