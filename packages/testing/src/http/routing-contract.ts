import { describe, expect, it } from "vitest";
import { expectLoginResponse } from "./api-object-assertions.js";
import { newAccountFields, registerAccount } from "./contract-accounts.js";
import type { ContractResponse } from "./contract-response.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem } from "./problem-assertions.js";

function allowed(response: ContractResponse): string[] {
  return (response.headers.get("allow") ?? "").split(",").map((method) => method.trim());
}

/** 404 for unknown paths, 405 with `Allow` for wrong methods, paths without trailing slash. */
export function describeRoutingContract(start: StartContractServer): void {
  describe("routing", () => {
    const ctx = useContractServer(start);

    it.each(["nope/", "nope", "login/extra/", "user/login/", "me/me/", ""])(
      "answers 404 NotFound for the unknown path %j",
      async (path) => {
        expectProblem(await ctx.client().get(path), path, "NotFound");
        expectProblem(await ctx.client().post(path, {}), path, "NotFound");
      },
    );

    it.each([
      ["GET", "login/", "POST"],
      ["PUT", "login", "POST"],
      ["GET", "register/", "POST"],
      ["DELETE", "register", "POST"],
      ["GET", "logout/", "POST"],
      ["POST", "me/", "GET"],
      ["DELETE", "me", "GET"],
    ])("answers %s %s with 405 MethodNotAllowed and Allow: %s", async (method, path, allow) => {
      const response = await ctx.client().send(method, path);
      expectProblem(response, path, "MethodNotAllowed");
      expect(allowed(response)).toContain(allow);
      expect(allowed(response)).not.toContain(method);
    });

    it("serves every endpoint without its trailing slash", async () => {
      const web = ctx.client();
      const fields = newAccountFields();
      const registered = await web.post("register", fields);
      expect(registered.status, registered.text).toBe(201);
      expectLoginResponse(registered.body, "web");

      const me = await web.get("me");
      expect(me.status, me.text).toBe(200);
      expect((me.body as { user: { email: string } }).user.email).toBe(fields.email);

      const app = ctx.client("app");
      const login = await app.post("login", { email: fields.email, password: fields.password });
      expect(login.status, login.text).toBe(200);
      expectLoginResponse(login.body, "app");

      const logout = await app.post("logout");
      expect(logout.status, logout.text).toBe(204);
      expectProblem(await app.get("me"), "me", "NotAuthenticated");
    });

    it("serves the OpenAPI document at openapi.json (not in SPEC: see docs/openapi.md)", async () => {
      const document = await ctx.client().get("openapi.json");
      expect(document.status, document.text).toBe(200);
      expect(document.body).toMatchObject({ openapi: "3.1.0", servers: [{ url: "." }] });
      const paths = Object.keys((document.body as { paths: object }).paths);
      expect(paths).toEqual(expect.arrayContaining(["/login/", "/me/", "/openapi.json"]));
      const post = await ctx.client().post("openapi.json", {});
      expectProblem(post, "openapi.json", "MethodNotAllowed");
      expect(allowed(post)).toEqual(["GET", "HEAD", "OPTIONS"]);
    });

    it("reports the path as sent in `instance`, with or without the slash", async () => {
      await registerAccount(ctx.client());
      const withSlash = expectProblem(await ctx.client().get("me/"), "me/", "NotAuthenticated");
      const without = expectProblem(await ctx.client().get("me"), "me", "NotAuthenticated");
      expect(withSlash.instance).toMatch(/\/me\/$/);
      expect(without.instance).toMatch(/[^/]\/me$/);
    });
  });
}
