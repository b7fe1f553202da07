import { registerOverHttp } from "@axor/testing";
import { expect } from "vitest";
import { type Credentials, loginRequest, sessionKeyOf } from "./app-requests.js";

/** Accounts made over HTTP before the faults start, and live Bearer keys of theirs. */
export interface SeededUsers {
  accounts: Credentials[];
  /** One key per app login made while seeding, round-robin over the accounts. */
  keys: string[];
}

/**
 * Registers `accounts` users as app clients, then logs in `keys` times round-robin (app mode,
 * asserting each 200 and its `session.key`) while the database is still healthy.
 *
 * @example
 * ```ts
 * const { accounts, keys } = await seedUsers(example.origin, { accounts: 4, keys: 12 });
 * ```
 */
export async function seedUsers(
  origin: string,
  counts: { accounts: number; keys: number },
): Promise<SeededUsers> {
  const accounts: Credentials[] = [];
  for (let i = 0; i < counts.accounts; i++) {
    const { email, password } = await registerOverHttp(origin, "app");
    accounts.push({ email, password });
  }
  const keys: string[] = [];
  for (let i = 0; i < counts.keys; i++) {
    const { url, init } = loginRequest(origin, accounts[i % accounts.length] as Credentials);
    const response = await fetch(url, init);
    const body = await response.text();
    expect(response.status, body).toBe(200);
    const key = sessionKeyOf(body);
    expect(key, "an app login answers with session.key").toBeDefined();
    keys.push(key as string);
  }
  return { accounts, keys };
}
