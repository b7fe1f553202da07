import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../src/safe-redirect.js";

const fallback = "/auth/account/";

describe("safeRedirect", () => {
  it.each(["/notes", "/auth/enroll-totp/", "/search?q=a%20b#top"])(
    "keeps the local path %s",
    (path) => {
      expect(safeRedirect(path, fallback)).toBe(path);
    },
  );

  it.each([
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%0d%0aSet-Cookie:x=1",
    "/\tevil",
    "%2F%2Fevil.example",
    "notes",
    "",
    null,
    undefined,
  ])("falls back for %j", (path) => {
    expect(safeRedirect(path, fallback)).toBe(fallback);
  });

  it("never yields anything that leaves the origin", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 40 }), (path) => {
        const target = new URL(safeRedirect(path, fallback), "http://app.example");
        expect(target.origin).toBe("http://app.example");
      }),
    );
  });
});
