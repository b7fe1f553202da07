import { createAxor, memoryStorage } from "@axor/core";
import { describe, expect, it } from "vitest";
import { axorPages } from "../src/axor-pages.js";

const storage = memoryStorage();
const axor = createAxor({ storage, secret: "pages-options-test-secret-0123456789" });
const get = (path: string, query = "") =>
  axorPages(axor, {
    appName: "Notes",
    labels: { signInTitle: "Welcome back" },
    features: { register: false },
  }).handle(
    {
      method: "GET",
      path,
      mountPath: "/auth",
      headers: { host: "app.example" },
      ip: "127.0.0.1",
      protocol: "http",
    },
    query,
  );

describe("axorPages options", () => {
  it.each([
    [{ colors: { primary: "red;}body{x" } }, "colors.primary"],
    [{ logoUrl: "javascript:alert(1)" }, "logoUrl"],
    [{ labels: { nope: "x" } }, "labels"],
    [{ afterSignIn: "//evil.example" }, "afterSignIn"],
  ])("refuses %j naming the option", (options, name) => {
    expect(() => axorPages(axor, options as never)).toThrow(name);
  });

  it("uses the app name and labels, and turns a page off", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<h1>Welcome back</h1>");
    expect(page.body).toContain("<title>Welcome back · Notes</title>");
    expect(page.body).not.toContain("/auth/register/");
    expect((await get("/register/")).status).toBe(404);
  });

  it("answers a POST without the CSRF cookie and token with 403, writing nothing", async () => {
    const pages = axorPages(axor);
    const response = await pages.handle({
      method: "POST",
      path: "/register/",
      mountPath: "/auth",
      headers: { host: "app.example", "content-type": "application/x-www-form-urlencoded" },
      body: "first_name=A&last_name=B&email=a%40example.com&password=correct+horse+battery",
      ip: "127.0.0.1",
      protocol: "http",
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain("CSRF check failed");
    expect(await storage.getUserByEmail("a@example.com")).toBeNull();
  });
});
