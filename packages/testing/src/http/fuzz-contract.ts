import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContractResponse } from "./contract-response.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";

/** Any answer but a 5xx: a success, or the error envelope with a 4xx. */
function expectSuccessOrClientError(response: ContractResponse, path: string): void {
  expect(response.status, response.text).toBeLessThan(500);
  if (response.status < 300) return;
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.headers.get("content-type") ?? "").toMatch(/^application\/problem\+json(;|$)/);
  const problem = response.body as Record<string, unknown>;
  expect(problem.status).toBe(String(response.status));
  expect(problem.code).toBeTypeOf("string");
  expect(problem.title).toBeTypeOf("string");
  expect(problem.detail).toBeTypeOf("string");
  expect(String(problem.instance).endsWith(`/${path}`)).toBe(true);
}

/** A JSON value that is sometimes a string, as fields of a well-shaped body usually are. */
const fieldValue = fc.oneof(fc.string(), fc.emailAddress(), fc.jsonValue());

const shapedBody = fc.record(
  {
    email: fieldValue,
    password: fieldValue,
    first_name: fieldValue,
    last_name: fieldValue,
    code: fieldValue,
  },
  { requiredKeys: [] },
);

/** Property tests: no JSON body, however odd, makes register/ or login/ answer a 5xx. */
export function describeFuzzContract(start: StartContractServer): void {
  describe("random bodies", () => {
    const ctx = useContractServer(start);
    const numRuns = 100;

    for (const path of ["register/", "login/"]) {
      it(`answers any JSON value on ${path} with a success or a 4xx envelope`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.jsonValue(), async (value) => {
            const response = await ctx.client().post(path, undefined, {
              body: JSON.stringify(value),
              headers: { "content-type": "application/json" },
            });
            expectSuccessOrClientError(response, path);
          }),
          { numRuns },
        );
      });

      it(`answers field-shaped objects of random values on ${path} without a 5xx`, async () => {
        await fc.assert(
          fc.asyncProperty(shapedBody, fc.constantFrom("web", "app"), async (body, mode) => {
            const response = await ctx.client(mode).post(path, body);
            expectSuccessOrClientError(response, path);
          }),
          { numRuns },
        );
      });

      it(`answers arbitrary text sent as JSON on ${path} without a 5xx`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.string({ unit: "binary" }), async (text) => {
            const response = await ctx.client().post(path, undefined, {
              body: text,
              headers: { "content-type": "application/json" },
            });
            expectSuccessOrClientError(response, path);
          }),
          { numRuns },
        );
      });
    }
  });
}
