import type { RegisterInput } from "@axor/core";
import { expect } from "vitest";
import { expectLoginResponse, type LoginBody } from "./api-object-assertions.js";
import type { ContractClient } from "./contract-client.js";
import { uniqueEmail } from "./unique-email.js";

/** The body of a valid `register/` request. */
export type RegisterFields = RegisterInput;

/**
 * A valid, unique registration.
 *
 * @example
 * ```ts
 * const fields = newAccountFields({ first_name: "Grace" });
 * ```
 */
export function newAccountFields(overrides: Partial<RegisterFields> = {}): RegisterFields {
  return {
    email: uniqueEmail(),
    password: "correct horse battery staple",
    first_name: "Ada",
    last_name: "Lovelace",
    ...overrides,
  };
}

/**
 * Registers a new account through `register/` and asserts the 201; the client is then
 * signed in (cookie or Bearer, per its mode).
 *
 * @example
 * ```ts
 * const { fields, body } = await registerAccount(ctx.client());
 * ```
 */
export async function registerAccount(
  client: ContractClient,
  overrides: Partial<RegisterFields> = {},
): Promise<{ fields: RegisterFields; body: LoginBody }> {
  const fields = newAccountFields(overrides);
  const response = await client.post("register/", fields);
  expect(response.status, response.text).toBe(201);
  return { fields, body: expectLoginResponse(response.body, client.mode) };
}

/**
 * Logs `client` in through `login/` and asserts the 200.
 *
 * @example
 * ```ts
 * const { fields } = await registerAccount(ctx.client());
 * const body = await loginAccount(ctx.client("app"), fields);
 * ```
 */
export async function loginAccount(
  client: ContractClient,
  credentials: { email: string; password: string },
): Promise<LoginBody> {
  const response = await client.post("login/", {
    email: credentials.email,
    password: credentials.password,
  });
  expect(response.status, response.text).toBe(200);
  return expectLoginResponse(response.body, client.mode);
}
