import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClientInfo } from "../src/index.js";
import { AxorError } from "../src/index.js";
import { testAxor, uniqueEmail } from "./test-axor.js";

const password = "correct horse battery";
const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

const client = (ip: string, extra: Partial<ClientInfo> = {}): ClientInfo => ({
  ip,
  userAgent: "vitest",
  mode: "web",
  credential: null,
  ...extra,
});

/** An Axor with the default limits (10 per address and trusted client, 20 per account). */
async function withAccount() {
  const { axor } = testAxor({ rateLimits: {}, argon2: cheap });
  const email = uniqueEmail();
  const registered = await axor.register(
    { email, password, first_name: "Ada", last_name: "Lovelace" },
    client("198.51.100.1"),
  );
  return { axor, email, device: registered.deviceToken };
}

/** The error code of a login, or "ok". */
async function outcome(axor: ReturnType<typeof testAxor>["axor"], input: object, by: ClientInfo) {
  try {
    await axor.login(input as never, by);
    return "ok";
  } catch (error) {
    if (error instanceof AxorError) return error.code;
    throw error;
  }
}

const tally = (codes: string[]) =>
  codes.reduce<Record<string, number>>(
    (all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }),
    {},
  );

afterEach(() => vi.restoreAllMocks());

describe("login throttling policy", () => {
  it("blocks one guessing address quickly, without locking the account for anybody else", async () => {
    const { axor, email } = await withAccount();
    const attacker = client("203.0.113.66");
    const codes: string[] = [];
    for (let i = 0; i < 30; i++)
      codes.push(await outcome(axor, { email, password: `no ${i}` }, attacker));
    expect(tally(codes)).toEqual({ InvalidCredentials: 10, RateLimited: 20 });
    expect(await outcome(axor, { email, password }, attacker)).toBe("RateLimited");
    // A fresh, untrusted address of the real user: the account's ceiling (20) is not reached.
    expect(await outcome(axor, { email, password }, client("192.0.2.10"))).toBe("ok");
  });

  it("throttles 1,000 guesses from 100 rotating addresses at the account's ceiling; the real user's browser and app still sign in", async () => {
    const { axor, email, device } = await withAccount();
    const app = client("192.0.2.77", { mode: "app" });
    expect(await outcome(axor, { email, password }, app)).toBe("ok"); // the app's address is now known
    const codes: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const address = `203.0.113.${i % 100}`;
      codes.push(await outcome(axor, { email, password: `guess ${i}` }, client(address)));
    }
    const counts = tally(codes);
    console.log(`1,000 guesses from 100 addresses: ${JSON.stringify(counts)}`);
    expect(counts.InvalidCredentials).toBe(20);
    expect(counts.RateLimited).toBe(980);
    // Through all of it: the browser that signed in before, and the app at its known address.
    expect(device).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
    expect(
      await outcome(axor, { email, password }, client("192.0.2.10", { deviceToken: device })),
    ).toBe("ok");
    expect(await outcome(axor, { email, password }, app)).toBe("ok");
    // An untrusted client shares the account's ceiling until the window ends: the trade-off.
    expect(await outcome(axor, { email, password }, client("192.0.2.11"))).toBe("RateLimited");
    // A device token of another account, or a forged one, buys nothing.
    const forged = `${"A".repeat(22)}.${"B".repeat(43)}`;
    expect(
      await outcome(axor, { email, password }, client("192.0.2.12", { deviceToken: forged })),
    ).toBe("RateLimited");
  });

  it("a trusted browser that guesses wrong is throttled on its own count, not the account's", async () => {
    const { axor, email, device } = await withAccount();
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const address = `198.51.100.${10 + i}`; // a roaming phone: a new address each time
      codes.push(
        await outcome(
          axor,
          { email, password: `typo ${i}` },
          client(address, { deviceToken: device }),
        ),
      );
    }
    expect(tally(codes)).toEqual({ InvalidCredentials: 10, RateLimited: 2 });
    expect(await outcome(axor, { email, password }, client("192.0.2.30"))).toBe("ok");
  });

  it("50 parallel correct logins of one account from one address all succeed, and count nothing", async () => {
    const { axor, email } = await withAccount();
    const by = client("192.0.2.40");
    const codes = await Promise.all(
      Array.from({ length: 50 }, () => outcome(axor, { email, password }, by)),
    );
    expect(tally(codes)).toEqual({ ok: 50 });
    expect(await outcome(axor, { email, password }, client("192.0.2.41"))).toBe("ok");
    // And the failures still count from zero: ten wrong, then refused.
    const after: string[] = [];
    for (let i = 0; i < 11; i++) after.push(await outcome(axor, { email, password: `x${i}` }, by));
    expect(tally(after)).toEqual({ InvalidCredentials: 10, RateLimited: 1 });
  });

  it("a parallel burst of wrong guesses gets no more judged than the limit allows", async () => {
    const { axor, email } = await withAccount();
    const by = client("203.0.113.200");
    const codes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => outcome(axor, { email, password: `burst ${i}` }, by)),
    );
    expect(tally(codes)).toEqual({ InvalidCredentials: 10, RateLimited: 50 });
  });

  it("an unknown client address gets no shared bucket: it warns once and counts per account only", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const { axor, email } = await withAccount();
    const unknown = client("");
    for (let i = 0; i < 12; i++) {
      const other = uniqueEmail(); // guesses at many accounts from "nowhere"
      expect(await outcome(axor, { email: other, password: "x".repeat(8) }, unknown)).toBe(
        "InvalidCredentials",
      );
    }
    expect(await outcome(axor, { email, password }, unknown)).toBe("ok");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/without a client address/);
  });

  it("sign-ins of an app client carry no device token; a browser's do", async () => {
    const { axor, email } = await withAccount();
    const web = await axor.login({ email, password }, client("192.0.2.50"));
    const app = await axor.login({ email, password }, client("192.0.2.50", { mode: "app" }));
    expect(web.deviceToken).toMatch(/\./);
    expect(app.deviceToken).toBeUndefined();
  });
});
