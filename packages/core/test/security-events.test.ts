import { describe, expect, it } from "vitest";
import type { SecurityEvent } from "../src/index.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

describe("security events", () => {
  it("login success and every kind of login failure reach onEvent with user, type, ip, ua and time", async () => {
    const events: SecurityEvent[] = [];
    const { axor } = testAxor({ onEvent: (event) => events.push(event) });
    const email = uniqueEmail();
    const password = "correct horse";
    const { response } = await axor.register(
      { email, password, first_name: "Ada", last_name: "L" },
      webClient,
    );
    const userId = response.user.id;
    await expect(axor.login({ email, password: "wrong one" }, webClient)).rejects.toThrow();
    await expect(
      axor.login({ email: uniqueEmail(), password: "whatever1" }, webClient),
    ).rejects.toThrow();
    await axor.login({ email, password }, webClient);
    expect(events.map(({ userId, type }) => ({ userId, type }))).toEqual([
      { userId, type: "register" },
      { userId, type: "login_failed" },
      { userId: null, type: "login_failed" },
      { userId, type: "login" },
    ]);
    expect(events[1]).toMatchObject({ ip: "127.0.0.1", ua: "vitest" });
    expect(events[1]?.at).toBeInstanceOf(Date);
  });

  it("an onEvent that throws is reported and does not fail the login", async () => {
    const reported: unknown[] = [];
    const { axor } = testAxor({
      onEvent: () => {
        throw new Error("audit sink down");
      },
      onError: (error) => reported.push(error),
    });
    const email = uniqueEmail();
    await axor.register(
      { email, password: "correct horse", first_name: "A", last_name: "L" },
      webClient,
    );
    await expect(
      axor.login({ email, password: "correct horse" }, webClient),
    ).resolves.toBeDefined();
    expect(reported.map((error) => (error as Error).message)).toContain("audit sink down");
  });
});
