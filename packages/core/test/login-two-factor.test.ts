import { describe, expect, it } from "vitest";
import { enableTotp } from "../../testing/src/seed/enable-totp.js";
import { AxorError } from "../src/index.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

const password = "correct horse";

async function userWithTotp(overrides: Parameters<typeof testAxor>[0] = {}) {
  const setup = testAxor(overrides);
  const email = uniqueEmail();
  const { response } = await setup.axor.register(
    { email, password, first_name: "Ada", last_name: "L" },
    webClient,
  );
  const totp = await enableTotp(setup.axor, response.user.id, 2);
  return { ...setup, email, totp };
}

async function loginError(promise: Promise<unknown>): Promise<AxorError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AxorError);
  return error as AxorError;
}

describe("login with 2FA", () => {
  it("asks for the code, then refuses a wrong one, then accepts the right one once", async () => {
    const { axor, email, totp } = await userWithTotp();
    expect((await loginError(axor.login({ email, password }, webClient))).code).toBe(
      "TOTPRequired",
    );
    const wrong = totp.codeAt() === "000000" ? "111111" : "000000";
    expect((await loginError(axor.login({ email, password, code: wrong }, webClient))).code).toBe(
      "TOTPIncorrect",
    );
    const code = totp.codeAt();
    const ok = await axor.login({ email, password, code }, webClient);
    expect(ok.response.user.totp_enabled).toBe(true);
    // RFC 6238 §5.2: an accepted code is never accepted again.
    expect((await loginError(axor.login({ email, password, code }, webClient))).code).toBe(
      "TOTPIncorrect",
    );
  });

  it("asks for the code only after a correct password", async () => {
    const { axor, email } = await userWithTotp();
    const error = await loginError(axor.login({ email, password: "wrong password" }, webClient));
    expect(error.code).toBe("InvalidCredentials");
  });

  it("takes each backup code once, whatever its case and dashes", async () => {
    const { axor, email, totp } = await userWithTotp();
    const [first = ""] = totp.backupCodes;
    const typed = `${first.slice(0, 5).toUpperCase()}-${first.slice(5)}`;
    await axor.login({ email, password, code: typed }, webClient);
    expect((await loginError(axor.login({ email, password, code: first }, webClient))).code).toBe(
      "TOTPIncorrect",
    );
  });

  it("accepts exactly one of many parallel logins with the same backup code", async () => {
    const { axor, email, totp } = await userWithTotp();
    const code = totp.backupCodes[1] ?? "";
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => axor.login({ email, password, code }, webClient)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("locks 2FA after 5 consecutive wrong codes, even for the right code", async () => {
    const { axor, email, totp } = await userWithTotp({ rateLimits: {} });
    for (let i = 0; i < 5; i++) {
      const error = await loginError(axor.login({ email, password, code: "nope-nope" }, webClient));
      expect(error.code).toBe("TOTPIncorrect");
    }
    const locked = await loginError(
      axor.login({ email, password, code: totp.codeAt() }, webClient),
    );
    expect(locked.code).toBe("TOTPLocked");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(800);
  });
});

describe("password rehash", () => {
  it("rehashes on login when the argon2 cost changed, and the password still works", async () => {
    const { axor, storage } = testAxor({ argon2: { memoryCost: 4096, timeCost: 1 } });
    const email = uniqueEmail();
    await axor.register({ email, password, first_name: "A", last_name: "B" }, webClient);
    const before = (await storage.getUserByEmail(email))?.passwordHash ?? "";
    expect(before).toContain("m=4096,t=1,p=1");

    const { createAxor } = await import("../src/index.js");
    const stronger = createAxor({ ...axor.options, argon2: { memoryCost: 8192, timeCost: 2 } });
    await stronger.login({ email, password }, webClient);
    const after = (await storage.getUserByEmail(email))?.passwordHash ?? "";
    expect(after).toContain("m=8192,t=2,p=1");
    await stronger.login({ email, password }, webClient);
    expect((await storage.getUserByEmail(email))?.passwordHash).toBe(after);
  });
});
