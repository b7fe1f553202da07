import * as argon2 from "@node-rs/argon2";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AxorError } from "../src/index.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

vi.mock("@node-rs/argon2", { spy: true });

describe("login timing parity", () => {
  afterEach(() => vi.mocked(argon2.verify).mockClear());

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
      vi.mocked(argon2.verify).mockClear();
      const error = await axor.login(attempt, webClient).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AxorError);
      answers.push(JSON.stringify([(error as AxorError).code, (error as AxorError).detail]));
      expect(argon2.verify).toHaveBeenCalledTimes(1);
      // The dummy hash has the configured cost, so both verifications cost the same.
      const [hash] = vi.mocked(argon2.verify).mock.calls[0] ?? [];
      expect(String(hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
    expect(answers[0]).toBe(answers[1]);
  });
});
