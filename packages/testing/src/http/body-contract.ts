import { describe, expect, it } from "vitest";
import { newAccountFields } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem } from "./problem-assertions.js";

const limit = 64 * 1024;

/** A JSON login body of exactly `size` bytes. */
function loginBodyOfSize(size: number): string {
  const empty = JSON.stringify({ email: "size@example.com", password: "" });
  return JSON.stringify({ email: "size@example.com", password: "p".repeat(size - empty.length) });
}

/** Body limits and parsing: 413, 415, InvalidJSON, the JSON content types accepted. */
export function describeBodyContract(start: StartContractServer): void {
  describe("request bodies", () => {
    const ctx = useContractServer(start);
    const json = { "content-type": "application/json" };

    it.each(["login/", "register/", "logout/"])(
      "answers 413 PayloadTooLarge to a JSON body over 64 KiB on %s",
      async (path) => {
        const body = loginBodyOfSize(limit + 1);
        expect(Buffer.byteLength(body)).toBe(limit + 1);
        const response = await ctx.client().post(path, undefined, { body, headers: json });
        expectProblem(response, path, "PayloadTooLarge");
      },
    );

    it("answers 413 to a body far over the limit", async () => {
      const body = loginBodyOfSize(4 * limit);
      expectProblem(
        await ctx.client().post("login/", undefined, { body, headers: json }),
        "login/",
        "PayloadTooLarge",
      );
    });

    it("reads a body of exactly 64 KiB", async () => {
      const body = loginBodyOfSize(limit);
      expect(Buffer.byteLength(body)).toBe(limit);
      const response = await ctx.client().post("login/", undefined, { body, headers: json });
      expect(response.status).not.toBe(413);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });

    it.each([
      ["text/plain", '{"email":"a@example.com","password":"12345678"}'],
      ["application/x-www-form-urlencoded", "email=a%40example.com&password=12345678"],
      ["application/xml", "<login/>"],
    ])("answers 415 UnsupportedMediaType to a %s body", async (type, body) => {
      for (const path of ["login/", "register/"]) {
        const response = await ctx
          .client()
          .post(path, undefined, { body, headers: { "content-type": type } });
        expectProblem(response, path, "UnsupportedMediaType");
      }
    });

    it("answers 415 to a multipart form body", async () => {
      const form = new FormData();
      form.set("email", "a@example.com");
      form.set("password", "12345678");
      const response = await ctx.client().post("login/", undefined, { body: form });
      expectProblem(response, "login/", "UnsupportedMediaType");
    });

    it.each(['{"email":', "{'email': 'a@example.com'}", "{} trailing", "nul", "\u0000"])(
      "answers 400 InvalidJSON to the malformed body %j",
      async (body) => {
        for (const path of ["login/", "register/"]) {
          const response = await ctx.client().post(path, undefined, { body, headers: json });
          expectProblem(response, path, "InvalidJSON");
        }
      },
    );

    it("answers 400 InvalidJSON to an empty JSON body where one is required", async () => {
      for (const path of ["login/", "register/"]) {
        const response = await ctx.client().post(path, undefined, { body: "", headers: json });
        expectProblem(response, path, "InvalidJSON");
      }
    });

    it("answers 400 InvalidJSON to a request with no body where one is required", async () => {
      for (const path of ["login/", "register/"]) {
        expectProblem(await ctx.client().post(path), path, "InvalidJSON");
      }
    });

    it("accepts application/json with a charset parameter", async () => {
      const fields = newAccountFields();
      const response = await ctx.client().post("register/", undefined, {
        body: JSON.stringify(fields),
        headers: { "content-type": "application/json; charset=utf-8" },
      });
      expect(response.status, response.text).toBe(201);
    });

    it("answers successes as application/json", async () => {
      const response = await ctx.client().post("register/", newAccountFields());
      expect(response.status, response.text).toBe(201);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    });

    it("accepts logout with no body at all", async () => {
      const response = await ctx.client().post("logout/");
      expect(response.status, response.text).toBe(204);
      expect(response.text).toBe("");
    });
  });
}
