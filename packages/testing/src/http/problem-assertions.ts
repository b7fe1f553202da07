import { expect } from "vitest";
import { type ContractErrorCode, contractErrors } from "./contract-errors.js";
import type { ContractResponse } from "./contract-response.js";

/** The error envelope (RFC 9457 problem details, as SPEC.md shapes it). */
export interface Problem {
  title: string;
  detail: string;
  status: string;
  code: string;
  instance: string;
  errors?: Record<string, string[]>;
}

const envelopeKeys = ["title", "detail", "status", "code", "instance", "errors"];

/**
 * Asserts `response` is the error envelope for `code`, answered to a request for `path`
 * (mount-relative, as sent): status, content type, title, detail, status string, code, an
 * `instance` that ends with the path, and well-formed `errors` (required for ValidationError,
 * allowed on other field-level codes such as InvalidPassword). Returns the envelope.
 *
 * @example
 * ```ts
 * const problem = expectProblem(await ctx.client().get("nope/"), "nope/", "NotFound");
 * ```
 */
export function expectProblem(
  response: ContractResponse,
  path: string,
  code: ContractErrorCode,
): Problem {
  const expected = contractErrors[code];
  expect(
    { status: response.status, code: (response.body as Problem | undefined)?.code },
    `${code} for ${path}; body: ${response.text}`,
  ).toEqual({ status: expected.status, code });
  expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  const problem = response.body as Problem;
  expect(typeof problem).toBe("object");
  for (const key of Object.keys(problem)) expect(envelopeKeys).toContain(key);
  expect(problem.title).toBe(expected.title);
  expect(problem.status).toBe(String(expected.status));
  expect(problem.code).toBe(code);
  expect(typeof problem.detail).toBe("string");
  expect(problem.detail.trim()).not.toBe("");
  if ("detail" in expected) expect(problem.detail).toBe(expected.detail);
  expect(typeof problem.instance).toBe("string");
  expect(problem.instance.endsWith(`/${path.split("?")[0]}`), problem.instance).toBe(true);
  if (code === "ValidationError" || problem.errors !== undefined) expectFieldErrors(problem.errors);
  return problem;
}

/**
 * Asserts a 400 `ValidationError` that names `field` among its field errors.
 *
 * @example
 * ```ts
 * expectValidationError(await ctx.client().post("register/", {}), "register/", "email");
 * ```
 */
export function expectValidationError(
  response: ContractResponse,
  path: string,
  field: string,
): Problem {
  const problem = expectProblem(response, path, "ValidationError");
  expect(Object.keys(problem.errors ?? {}), response.text).toContain(field);
  return problem;
}

function expectFieldErrors(errors: unknown): void {
  expect(errors).toBeTypeOf("object");
  expect(errors).not.toBeNull();
  const entries = Object.entries(errors as Record<string, unknown>);
  expect(entries.length).toBeGreaterThan(0);
  for (const [, messages] of entries) {
    expect(Array.isArray(messages)).toBe(true);
    expect((messages as unknown[]).length).toBeGreaterThan(0);
    for (const message of messages as unknown[]) expect(message).toBeTypeOf("string");
  }
}
