import { beforeEach, describe, expect, it, vi } from "vitest";
import * as shared from "../src/auth/shared-hashing-threads.js";
import { AxorError } from "../src/index.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

vi.mock("../src/auth/shared-hashing-threads.js", { spy: true });

/** The stored hashes argon2id verified against, in the hashing threads. */
const verified: string[] = [];

describe("login timing parity", () => {
  beforeEach(async () => {
    const actual = await vi.importActual<typeof shared>("../src/auth/shared-hashing-threads.js");
    vi.mocked(shared.acquireHashingThreads).mockImplementation((options) => {
      const threads = actual.acquireHashingThreads(options);
      return {
        ...threads,
        verify: (passwordHash, password) => {
          verified.push(passwordHash);
          return threads.verify(passwordHash, password);
        },
      };
    });
  });

  it("spends one argon2 verification on an unknown email, as on a wrong password", async () => {
    const { axor } = testAxor();
    const email = uniqueEmail();
    await axor.register(
      { email, password: "correct horse", first_name: "A", last_name: "B" },
      webClient,
    );

    const attempts = [
      { email: uniqueEmail(), password: "correct horse" }, // no such account
      { email, password: "wrong horse!" }, // wrong password
    ];
    const answers: string[] = [];
    for (const attempt of attempts) {
      verified.length = 0;
      const error = await axor.login(attempt, webClient).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AxorError);
      answers.push(JSON.stringify([(error as AxorError).code, (error as AxorError).detail]));
      expect(verified).toHaveLength(1);
      // The dummy hash has the configured cost, so both verifications cost the same.
      expect(verified[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
    expect(answers[0]).toBe(answers[1]);
  });
});
