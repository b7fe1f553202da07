import { describe, expect, it } from "vitest";
import { enableTotp, type SeededTotp } from "../seed/enable-totp.js";
import { registerAccount } from "./contract-accounts.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import { expectProblem } from "./problem-assertions.js";
import { expectNoSessionCookie, expectSessionCookie } from "./session-cookie-assertions.js";

/** A 6-digit code that is not valid anywhere in the accepted window around `at`. */
function wrongCode(totp: SeededTotp, at = new Date()): string {
  const now = at.getTime();
  const valid = [-30_000, 0, 30_000].map((offset) => totp.codeAt(new Date(now + offset)));
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.includes(code)) as string;
}

/** The 2FA step of `login/`: TOTPRequired and TOTPIncorrect exactly as SPEC quotes them. */
export function describeTotpLoginContract(start: StartContractServer): void {
  describe("login/ with 2FA on", () => {
    const ctx = useContractServer(start);

    async function accountWithTotp() {
      const { fields, body } = await registerAccount(ctx.client("app"));
      const totp = await enableTotp(ctx.server.axor, body.user.id);
      return { fields, totp };
    }

    it("answers 401 TOTPRequired to the right password without a code", async () => {
      const { fields } = await accountWithTotp();
      const response = await ctx
        .client()
        .post("login/", { email: fields.email, password: fields.password });
      const problem = expectProblem(response, "login/", "TOTPRequired");
      expect(problem.title).toBe("2FA code is required");
      expect(problem.detail).toBe("TOTP token is required.");
      expect(problem.status).toBe("401");
      expectNoSessionCookie(response);
    });

    it("answers 401 TOTPIncorrect to a wrong code", async () => {
      const { fields, totp } = await accountWithTotp();
      const response = await ctx
        .client()
        .post("login/", { email: fields.email, password: fields.password, code: wrongCode(totp) });
      const problem = expectProblem(response, "login/", "TOTPIncorrect");
      expect(problem.title).toBe("2FA code is incorrect");
      expect(problem.detail).toBe(
        "Provided TOTP code or backup code is incorrect. Please try again.",
      );
      expectNoSessionCookie(response);
    });

    it("answers InvalidCredentials, not a 2FA error, to a wrong password", async () => {
      const { fields, totp } = await accountWithTotp();
      const bare = await ctx
        .client()
        .post("login/", { email: fields.email, password: "wrong password" });
      expectProblem(bare, "login/", "InvalidCredentials");
      const withCode = await ctx
        .client()
        .post("login/", { email: fields.email, password: "wrong password", code: totp.codeAt() });
      expectProblem(withCode, "login/", "InvalidCredentials");
    });

    it("logs in with the current code, and never accepts that code again", async () => {
      const { fields, totp } = await accountWithTotp();
      const code = totp.codeAt();
      const web = ctx.client();
      const response = await web.post("login/", {
        email: fields.email,
        password: fields.password,
        code,
      });
      expect(response.status, response.text).toBe(200);
      expectSessionCookie(response, 30 * 24 * 3600);
      expect((response.body as { user: { totp_enabled: boolean } }).user.totp_enabled).toBe(true);

      const replay = await ctx
        .client()
        .post("login/", { email: fields.email, password: fields.password, code });
      expectProblem(replay, "login/", "TOTPIncorrect");
    });

    it("logs in with a backup code once, case- and dash-insensitively", async () => {
      const { fields, totp } = await accountWithTotp();
      const [first, second] = totp.backupCodes as [string, string];
      const login = (code: string) =>
        ctx.client("app").post("login/", { email: fields.email, password: fields.password, code });

      expect((await login(first)).status).toBe(200);
      expectProblem(await login(first), "login/", "TOTPIncorrect");

      const styled = `${second.slice(0, 5)}-${second.slice(5)}`.toUpperCase();
      const response = await login(styled);
      expect(response.status, response.text).toBe(200);
    });
  });

  describe("login/ with 2FA on, default limits", () => {
    const clock = new FakeClock();
    const ctx = useContractServer(start, { rateLimits: undefined, now: () => clock.now() });

    it("answers 429 TOTPLocked after 5 consecutive wrong codes, even to the right code, for 15 minutes", async () => {
      const { fields, body } = await registerAccount(ctx.client("app"));
      const totp = await enableTotp(ctx.server.axor, body.user.id);
      const login = (code: string) =>
        ctx.client().post("login/", { email: fields.email, password: fields.password, code });
      for (let attempt = 1; attempt <= 5; attempt++) {
        expectProblem(await login(wrongCode(totp, clock.now())), "login/", "TOTPIncorrect");
      }
      const locked = await login(totp.codeAt(clock.now()));
      expectProblem(locked, "login/", "TOTPLocked");
      const retryAfter = Number(locked.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);

      clock.advanceSeconds(15 * 60 + 1);
      const unlocked = await login(totp.codeAt(clock.now()));
      expect(unlocked.status, unlocked.text).toBe(200);
    });
  });
}
