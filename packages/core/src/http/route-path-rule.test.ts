import { describe, expect, it } from "vitest";
import { isRoutablePath } from "./route-path-rule.js";

describe("isRoutablePath", () => {
  it.each(["/login/", "/login", "/totp/new-backup-codes/", "/a.b/", "/...", "/%2e%2e%2e/"])(
    "lets %s through",
    (path) => expect(isRoutablePath(path)).toBe(true),
  );

  it.each([
    "/../user/login/",
    "/./login/",
    "/%2e%2e/user/login/",
    "/%2E%2e/user/login/",
    "/.%2e/login/",
    "/%2e/login/",
    "/login/..",
    "/login%2f",
    "/login%2F",
    "/login%5c",
  ])("refuses %s", (path) => expect(isRoutablePath(path)).toBe(false));
});
