import { describe, expect, it } from "vitest";
import { FakeClock } from "../../testing/src/http/fake-clock.js";
import { enableTotp, type SeededTotp } from "../../testing/src/seed/enable-totp.js";
import { AxorError, type AxorOptions, memoryStorage, type SecurityEvent } from "../src/index.js";
import { createSecretBox } from "../src/storage.js";
import { currentTotpCode, matchTotpStep } from "../src/totp/totp-code.js";
import { totpAttemptsKey } from "../src/totp/verify-second-factor.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

const password = "correct horse";
/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32. */
const RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
/** RFC 6238 appendix B, SHA-1: T (seconds) and the 8-digit code; ours are its last 6 digits. */
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
/** The `totp` limit's defaults: 5 codes, 15 minutes. */
const TOTP_RULE = { max: 5, windowSeconds: 900 };

/** A registered user with TOTP on, over memory storage, with the clock and events at hand. */
async function userWithTotp(overrides: Partial<AxorOptions> = {}, clock = new FakeClock()) {
  const events: SecurityEvent[] = [];
  const setup = testAxor({
    now: () => clock.now(),
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  const email = uniqueEmail();
  const { response } = await setup.axor.register(
    { email, password, first_name: "Ada", last_name: "L" },
    webClient,
  );
  const userId = response.user.id;
  const totp = await enableTotp(setup.axor, userId, 10);
  const login = (code: string) => setup.axor.login({ email, password, code }, webClient);
  const eventsOf = (type: string) => events.filter((event) => event.type === type);
  return { ...setup, clock, email, userId, totp, login, eventsOf };
}

/** Axor's limits with only the `totp` one on (so the login limit never answers first). */
const totpLimitOnly = { rateLimits: { login: false, totp: TOTP_RULE } } as const;

/** A 6-digit code valid nowhere in the accepted window around `at`. */
function wrongCode(totp: SeededTotp, at: Date): string {
  const valid = [-30_000, 0, 30_000].map((offset) => totp.codeAt(new Date(at.getTime() + offset)));
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.includes(code)) as string;
}

/** The AxorError a call rejects with. */
async function errorOf(promise: Promise<unknown>): Promise<AxorError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AxorError);
  return error as AxorError;
}

const codeOf = async (promise: Promise<unknown>) => (await errorOf(promise)).code;

/** The settled codes of parallel logins: "ok" for a success, else the error code. */
async function outcomes(logins: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(logins);
  return settled.map((result) =>
    result.status === "fulfilled" ? "ok" : (result.reason as AxorError).code,
  );
}

const count = (values: string[], value: string) => values.filter((v) => v === value).length;

describe("TOTP codes: RFC 6238 vectors through Axor's own code path", () => {
  it.each(RFC_VECTORS)("T=%i gives the last 6 digits of %s, at its own step", (seconds, eight) => {
    const at = new Date(seconds * 1000);
    const six = eight.slice(-6);
    expect(currentTotpCode(RFC_SEED, at)).toBe(six);
    expect(matchTotpStep(RFC_SEED, six, at)).toBe(Math.floor(seconds / 30));
  });

  it("logs in with each vector's code at its instant, the secret sealed as Axor stores it", async () => {
    const clock = new FakeClock(new Date(RFC_VECTORS[0]?.[0] ?? 0));
    const { axor, storage, email } = await userWithTotp({}, clock);
    const user = await storage.getUserByEmail(email);
    const userId = user?.id ?? "";
    const totp = await storage.getTotp(userId);
    if (!totp) throw new Error("no setup");
    const sealed = createSecretBox(axor.options.secret).seal(RFC_SEED, userId);
    // saveTotp never replaces a confirmed setup: turn 2FA off first, then set the RFC seed up.
    await storage.deleteTotp(userId, clock.now());
    expect(await storage.saveTotp({ ...totp, encryptedSecret: sealed, confirmed: false }, [])).toBe(
      true,
    );
    await storage.confirmTotp(userId, clock.now());

    for (const [seconds, eight] of RFC_VECTORS) {
      const at = new Date(seconds * 1000);
      clock.advanceSeconds((at.getTime() - clock.now().getTime()) / 1000);
      const ok = await axor.login({ email, password, code: eight.slice(-6) }, webClient);
      expect(ok.response.user.totp_enabled).toBe(true);
    }
  });
});

describe("TOTP skew and replay", () => {
  it("accepts a code one step early or late, and refuses two steps either way", async () => {
    const { login, totp, clock } = await userWithTotp();
    const at = (steps: number) => totp.codeAt(new Date(clock.now().getTime() + steps * 30_000));
    const [twoBack, twoAhead, oneBack, oneAhead] = [at(-2), at(2), at(-1), at(1)];
    const near = [at(-1), at(0), at(1)];
    if (!near.includes(twoBack)) expect(await codeOf(login(twoBack))).toBe("TOTPIncorrect");
    if (!near.includes(twoAhead)) expect(await codeOf(login(twoAhead))).toBe("TOTPIncorrect");
    // Oldest first: each accepted step must be later than the last one.
    expect((await login(oneBack)).response.user.totp_enabled).toBe(true);
    expect((await login(oneAhead)).response.user.totp_enabled).toBe(true);
  });

  it("refuses a code of the step already used, and of any earlier step", async () => {
    const { login, totp, clock } = await userWithTotp();
    const now = totp.codeAt(clock.now());
    const previous = totp.codeAt(new Date(clock.now().getTime() - 30_000));
    await login(now);
    expect(await codeOf(login(now))).toBe("TOTPIncorrect");
    if (previous !== now) expect(await codeOf(login(previous))).toBe("TOTPIncorrect");
    // A later step still works.
    clock.advanceSeconds(30);
    expect((await login(totp.codeAt(clock.now()))).response.user.totp_enabled).toBe(true);
  });

  it("of 20 parallel logins with the current code exactly one signs in", async () => {
    const { login, totp, clock } = await userWithTotp();
    const code = totp.codeAt(clock.now());
    const results = await outcomes(Array.from({ length: 20 }, () => login(code)));
    expect(count(results, "ok")).toBe(1);
    expect(count(results, "TOTPIncorrect")).toBe(19);
  });
});

describe("TOTP lockout", () => {
  it("locks after the 5th wrong code, even the right code, for exactly 15 minutes from it", async () => {
    const { login, totp, clock, eventsOf } = await userWithTotp(totpLimitOnly);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await codeOf(login(wrongCode(totp, clock.now())))).toBe("TOTPIncorrect");
    }
    const locked = await errorOf(login(totp.codeAt(clock.now())));
    expect(locked.code).toBe("TOTPLocked");
    expect(locked.status).toBe(429);
    expect(locked.headers["retry-after"]).toBe("900");
    expect(eventsOf("totp_locked")).toHaveLength(1);

    clock.advanceSeconds(899);
    const late = await errorOf(login(totp.codeAt(clock.now())));
    expect(late.code).toBe("TOTPLocked");
    expect(late.headers["retry-after"]).toBe("1");

    clock.advanceSeconds(1);
    expect((await login(totp.codeAt(clock.now()))).response.user.totp_enabled).toBe(true);
    expect(eventsOf("totp_locked")).toHaveLength(1);
  });

  it("runs the lock from the 5th wrong code, not from the first", async () => {
    const { login, totp, clock } = await userWithTotp(totpLimitOnly);
    expect(await codeOf(login(wrongCode(totp, clock.now())))).toBe("TOTPIncorrect");
    clock.advanceSeconds(600);
    for (let attempt = 2; attempt <= 5; attempt++) {
      expect(await codeOf(login(wrongCode(totp, clock.now())))).toBe("TOTPIncorrect");
    }
    // The count's window (from the 1st code) is over; the lock (from the 5th) is not.
    clock.advanceSeconds(301);
    const locked = await errorOf(login(totp.codeAt(clock.now())));
    expect(locked.code).toBe("TOTPLocked");
    expect(locked.headers["retry-after"]).toBe("599");
    clock.advanceSeconds(599);
    expect((await login(totp.codeAt(clock.now()))).response.user.totp_enabled).toBe(true);
  });

  it("does not reset the count when the lock starts, and does not count refused codes", async () => {
    const { login, totp, clock, storage, userId } = await userWithTotp(totpLimitOnly);
    for (let attempt = 1; attempt <= 5; attempt++)
      await errorOf(login(wrongCode(totp, clock.now())));
    const counted = () => storage.getCounter(totpAttemptsKey(userId), clock.now());
    expect((await counted())?.count).toBe(5);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await codeOf(login(totp.codeAt(clock.now())))).toBe("TOTPLocked");
    }
    expect((await counted())?.count).toBe(5);
  });

  it("counts backup codes like TOTP codes, and a used backup code is wrong", async () => {
    const { login, totp, clock } = await userWithTotp(totpLimitOnly);
    const [used = "", spare = ""] = totp.backupCodes;
    await login(used);
    expect(await codeOf(login(used))).toBe("TOTPIncorrect");
    for (let attempt = 2; attempt <= 4; attempt++) {
      expect(await codeOf(login("aaaaa-bbbbb-ccccc-dddd"))).toBe("TOTPIncorrect");
    }
    expect(await codeOf(login(wrongCode(totp, clock.now())))).toBe("TOTPIncorrect");
    expect(await codeOf(login(spare))).toBe("TOTPLocked");
  });

  it("a correct code before the 5th wrong one starts the count over", async () => {
    const { login, totp, clock } = await userWithTotp(totpLimitOnly);
    for (let attempt = 1; attempt <= 4; attempt++)
      await errorOf(login(wrongCode(totp, clock.now())));
    await login(totp.codeAt(clock.now()));
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await codeOf(login(wrongCode(totp, clock.now())))).toBe("TOTPIncorrect");
    }
    clock.advanceSeconds(30);
    expect((await login(totp.codeAt(clock.now()))).response.user.totp_enabled).toBe(true);
  });

  it("judges at most 5 of 20 parallel wrong codes; the rest are TOTPLocked, and so is the right code", async () => {
    // Every judged code reads the setup once: count those reads.
    const storage = memoryStorage();
    let judged = 0;
    const counting = { ...storage, getTotp: (id: string) => (judged++, storage.getTotp(id)) };
    const { login, totp, clock, eventsOf } = await userWithTotp({
      ...totpLimitOnly,
      storage: counting,
    });
    const wrong = wrongCode(totp, clock.now());
    const results = await outcomes(Array.from({ length: 20 }, () => login(wrong)));
    expect(judged).toBe(5);
    expect(count(results, "TOTPIncorrect")).toBe(5);
    expect(count(results, "TOTPLocked")).toBe(15);
    expect(eventsOf("totp_locked")).toHaveLength(1);
    expect(eventsOf("login_failed")).toHaveLength(20);
    expect(await codeOf(login(totp.codeAt(clock.now())))).toBe("TOTPLocked");
    expect(judged).toBe(5);
  });

  it("of 20 parallel logins with one backup code exactly one signs in", async () => {
    const { login, totp } = await userWithTotp(totpLimitOnly);
    const code = totp.backupCodes[3] ?? "";
    const results = await outcomes(Array.from({ length: 20 }, () => login(code)));
    expect(count(results, "ok")).toBe(1);
    // The 19 others were judged wrong or refused by the limit; none signed in.
    expect(count(results, "TOTPIncorrect") + count(results, "TOTPLocked")).toBe(19);
  });

  it("of 20 parallel logins with one backup code and no limits exactly one signs in", async () => {
    const { login, totp } = await userWithTotp({ rateLimits: false });
    const code = totp.backupCodes[4] ?? "";
    const results = await outcomes(Array.from({ length: 20 }, () => login(code)));
    expect(count(results, "ok")).toBe(1);
    expect(count(results, "TOTPIncorrect")).toBe(19);
  });
});
