import { describe, expect, it } from "vitest";
import {
  djangoAxorAesKey,
  openDjangoAxorValue,
  sealDjangoAxorValue,
} from "../src/django-import/django-sealed-value.js";
import { progressBar } from "../src/django-import/progress-bar.js";

describe("Django Axor's sealed values", () => {
  it("derive the AES-256 key from SECRET_KEY: its first 32 UTF-8 bytes, repeated when shorter", () => {
    expect(djangoAxorAesKey("abc").toString("latin1")).toBe("abc".repeat(11).slice(0, 32));
    const long = "0123456789abcdefghijklmnopqrstuvwxyz";
    expect(djangoAxorAesKey(long).toString("latin1")).toBe(long.slice(0, 32));
    // Bytes, not characters: "é" is two bytes in UTF-8.
    expect(djangoAxorAesKey("é".repeat(20))).toEqual(Buffer.from("é".repeat(16), "utf8"));
    expect(() => djangoAxorAesKey("")).toThrow(RangeError);
  });

  it("open as JSON (nonce16 || tag16 || ciphertext), and not with another key or damaged", () => {
    const key = djangoAxorAesKey("django-insecure-one");
    const sealed = sealDjangoAxorValue(key, ["a1b2c3d4", "Q9W8E7R6"]);
    expect(openDjangoAxorValue(key, sealed)).toEqual(["a1b2c3d4", "Q9W8E7R6"]);
    expect(openDjangoAxorValue(djangoAxorAesKey("django-insecure-two"), sealed)).toBeUndefined();
    const damaged = Buffer.from(sealed);
    damaged[20] = (damaged[20] as number) ^ 1;
    expect(openDjangoAxorValue(key, damaged)).toBeUndefined();
    expect(openDjangoAxorValue(key, sealed.subarray(0, 31))).toBeUndefined();
  });
});

describe("the import's progress bar", () => {
  it("prints one line per update off a terminal, and redraws in place on one", () => {
    let plain = "";
    const file = progressBar({ write: (text: string) => (plain += text) }, 4, "users");
    file.update(1);
    file.update(4);
    file.finish();
    expect(plain).toBe(
      `[${"#".repeat(8)}${"-".repeat(22)}]  25% 1/4 users\n[${"#".repeat(30)}] 100% 4/4 users\n`,
    );
    let tty = "";
    const terminal = progressBar(
      { write: (text: string) => (tty += text), isTTY: true },
      0,
      "users",
    );
    terminal.update(0);
    terminal.finish();
    expect(tty).toBe(`\r[${"#".repeat(30)}] 100% 0/0 users\n`);
  });
});
