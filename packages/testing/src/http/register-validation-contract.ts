import { describe, expect, it } from "vitest";
import { newAccountFields, type RegisterFields } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";

const fields: (keyof RegisterFields)[] = ["email", "password", "first_name", "last_name"];
const wrongTypes: [string, unknown][] = [
  ["a number", 12345678],
  ["null", null],
  ["an array", ["ada@example.com"]],
  ["an object", { value: "ada@example.com" }],
  ["a boolean", true],
];

/** A unique address of exactly `length` characters, its domain split into short labels. */
function emailOfLength(length: number): string {
  const local = `len-${Math.random().toString(36).slice(2, 10).padEnd(8, "0")}`;
  let remaining = length - local.length - "@".length - ".example.com".length;
  const labels: string[] = [];
  while (remaining > 51) {
    labels.push("d".repeat(50));
    remaining -= 51;
  }
  labels.push("d".repeat(remaining));
  return `${local}@${labels.join(".")}.example.com`;
}

/** Field validation of `register/`: 400 ValidationError naming the field, InvalidPassword. */
export function describeRegisterValidationContract(start: StartContractServer): void {
  describe("register/ validation", () => {
    const ctx = useContractServer(start);

    it.each(fields)("answers ValidationError naming %s when it is missing", async (field) => {
      const body: Partial<RegisterFields> = newAccountFields();
      delete body[field];
      expectValidationError(await ctx.client().post("register/", body), "register/", field);
    });

    it("names every missing field of an empty object", async () => {
      const problem = expectValidationError(
        await ctx.client().post("register/", {}),
        "register/",
        "email",
      );
      expect(Object.keys(problem.errors ?? {}).sort()).toEqual([...fields].sort());
    });

    for (const field of fields) {
      it.each(wrongTypes)(
        `answers ValidationError naming ${field} when it is %s`,
        async (_, value) => {
          const body = { ...newAccountFields(), [field]: value };
          expectValidationError(await ctx.client().post("register/", body), "register/", field);
        },
      );
    }

    it.each([[[]], ["ada@example.com"], [42], [null], [true]])(
      "answers ValidationError to the JSON body %j, which is not an object",
      async (body) => {
        expectProblem(
          await ctx.client().post("register/", undefined, {
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          }),
          "register/",
          "ValidationError",
        );
      },
    );

    it("accepts an email of 150 characters and rejects one of 151", async () => {
      const longest = emailOfLength(150);
      expect(longest).toHaveLength(150);
      const accepted = await ctx.client().post("register/", newAccountFields({ email: longest }));
      expect(accepted.status, accepted.text).toBe(201);

      const tooLong = emailOfLength(151);
      expect(tooLong).toHaveLength(151);
      expectValidationError(
        await ctx.client().post("register/", newAccountFields({ email: tooLong })),
        "register/",
        "email",
      );
    });

    it.each([
      "not-an-email",
      "ada@",
      "@example.com",
      "ada lovelace@example.com",
      "ada@example",
      "",
    ])("answers ValidationError naming email for the invalid address %j", async (email) => {
      expectValidationError(
        await ctx.client().post("register/", newAccountFields({ email })),
        "register/",
        "email",
      );
    });

    for (const field of ["first_name", "last_name"] as const) {
      it(`rejects an empty ${field} and one over 150 characters, accepts 150`, async () => {
        expectValidationError(
          await ctx.client().post("register/", newAccountFields({ [field]: "" })),
          "register/",
          field,
        );
        expectValidationError(
          await ctx.client().post("register/", newAccountFields({ [field]: "n".repeat(151) })),
          "register/",
          field,
        );
        const longest = newAccountFields({ [field]: "n".repeat(150) });
        const accepted = await ctx.client().post("register/", longest);
        expect(accepted.status, accepted.text).toBe(201);
        expect((accepted.body as { user: Record<string, unknown> }).user[field]).toBe(
          longest[field],
        );
      });
    }

    it.each([
      ["7 characters", "p".repeat(7)],
      ["257 characters", "p".repeat(257)],
    ])("answers 400 InvalidPassword to a password of %s", async (_, password) => {
      const body = newAccountFields({ password });
      expectProblem(await ctx.client().post("register/", body), "register/", "InvalidPassword");
      const retry = await ctx.client().post("register/", { ...body, password: "long enough" });
      expect(retry.status, "a rejected register writes nothing").toBe(201);
    });

    it.each([
      ["8 characters", "p".repeat(8)],
      ["256 characters", "p".repeat(256)],
      ["spaces, accents and emoji", "  pässwörd 🔑 with spaces  "],
    ])("accepts a password of %s and logs in with it", async (_, password) => {
      const body = newAccountFields({ password });
      const registered = await ctx.client().post("register/", body);
      expect(registered.status, registered.text).toBe(201);
      const login = await ctx.client().post("login/", { email: body.email, password });
      expect(login.status, login.text).toBe(200);
      const wrong = await ctx
        .client()
        .post("login/", { email: body.email, password: password.trim() + "x" });
      expect(wrong.status).toBe(401);
    });

    it("writes nothing when a field is invalid", async () => {
      const body = newAccountFields();
      expectValidationError(
        await ctx.client().post("register/", { ...body, first_name: "" }),
        "register/",
        "first_name",
      );
      const retry = await ctx.client().post("register/", body);
      expect(retry.status, retry.text).toBe(201);
    });
  });
}
