import { describe, expect, it } from "vitest";
import { createSecretBox } from "../src/storage.js";

describe("createSecretBox", () => {
  const box = createSecretBox("k".repeat(32));

  it("round-trips and never repeats a ciphertext", () => {
    const a = box.seal("JBSWY3DPEHPK3PXP");
    const b = box.seal("JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(a)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another key, tampering and garbage", () => {
    const sealed = box.seal("secret");
    expect(createSecretBox("o".repeat(32)).open(sealed)).toBeNull();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(box.open(parts.join("."))).toBeNull();
    expect(box.open("garbage")).toBeNull();
    expect(box.open("v1.a.b")).toBeNull();
  });
});
