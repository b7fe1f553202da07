import type { AxorResponse } from "@axor/core";
import { expect } from "vitest";

/** What a problem body must hold (SPEC "Error envelope"). */
interface Problem {
  title: unknown;
  detail: unknown;
  status: unknown;
  code: unknown;
  instance: unknown;
}

/**
 * The properties every answer keeps: never a 5xx; a non-2xx answer is the contract's
 * envelope (application/problem+json with title, detail, status as a string, a PascalCase
 * code and the path as `instance`), bodiless for HEAD; a 204 has no body.
 */
export function expectContractAnswer(
  answer: Pick<AxorResponse, "status" | "headers" | "body">,
  method: string,
  instance: string,
): void {
  const context = `${method} ${instance} -> ${answer.status} ${answer.body ?? ""}`.slice(0, 500);
  expect(answer.status, context).toBeLessThan(500);
  expect(answer.status, context).toBeGreaterThanOrEqual(200);
  if (answer.status === 204) expect(answer.body ?? "", context).toBe("");
  if (answer.status < 300) return;
  expect(answer.status, context).toBeGreaterThanOrEqual(400);
  expect(answer.headers["content-type"], context).toMatch(/^application\/problem\+json(;|$)/);
  if (method.toUpperCase() === "HEAD") return;
  const problem = JSON.parse(answer.body ?? "null") as Problem;
  expect(problem.status, context).toBe(String(answer.status));
  expect(problem.code, context).toMatch(/^[A-Z][A-Za-z0-9]+$/);
  expect(problem.title, context).toBeTypeOf("string");
  expect(problem.detail, context).toBeTypeOf("string");
  expect(problem.instance, context).toBe(instance);
}
