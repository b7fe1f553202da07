import * as OTPAuth from "otpauth";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningExample, runExample } from "../../../../test-support/run-example.js";
import { chromiumPresent, launchBrowser } from "./browser.js";
import { waitForLink } from "./mail-links.js";
import { expectAccessible, screenshot } from "./page-checks.js";

const SCRIPT_NAME = "<script>window.__pwned=1</script>";

/** The TOTP code of `key` for the 30-second step `stepsAhead` steps from now. */
function totpCode(key: string, stepsAhead = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/**
 * The built-in pages end to end in headless Chromium against `examples/<name>` (a child
 * process, console mailer): every page screenshotted into test-output/ and checked with axe.
 */
export function describePagesInBrowser(name: string): void {
  const present = chromiumPresent();
  if (!present && process.env.CI === "true") {
    it("needs /usr/bin/chromium in CI", () => {
      throw new Error("/usr/bin/chromium is missing: .ci/run installs it with apt-get");
    });
    return;
  }
  describe.skipIf(!present)(
    `@axor/pages in Chromium on examples/${name}`,
    { timeout: 90_000 },
    () => {
      let example: RunningExample;
      let browser: Awaited<ReturnType<typeof launchBrowser>>;
      let context: BrowserContext;
      let page: Page;
      const email = `ada-${name}-${Date.now()}@example.com`;
      let password = "correct horse battery staple";
      let totpKey = "";
      let backupCodes: string[] = [];
      const url = (path: string) => `${example.origin}/auth${path}`;
      const shot = async (label: string) => {
        await screenshot(page, name, label);
        await expectAccessible(page);
      };
      const submit = async (button: string) => {
        await Promise.all([
          page.waitForEvent("load"),
          page.getByRole("button", { name: button }).click(),
        ]);
      };
      const signIn = async (withPassword = password) => {
        await page.goto(url("/"));
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(withPassword);
        await submit("Sign in");
      };
      const signOut = async () => {
        await page.goto(url("/sign-out/"));
        await submit("Sign out");
        expect((await page.getByRole("status").innerText()).trim()).toBe("You are signed out.");
      };

      beforeAll(async () => {
        example = await runExample(name, {
          AXOR_SECRET: "pages-browser-test-secret-0123456789abcdef",
        });
        browser = await launchBrowser();
        context = browser.context;
        page = await context.newPage();
      }, 60_000);
      afterAll(async () => {
        await browser?.close();
        await example?.stop();
      });

      it("registers (a <script> name shows as text, never runs) and lands on the account page", async () => {
        await page.goto(url("/register/"));
        await shot("register");
        await page.getByLabel("First name").fill(SCRIPT_NAME);
        await page.getByLabel("Last name").fill("Lovelace");
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await submit("Create account");
        expect(page.url()).toBe(url("/account/"));
        expect((await page.getByRole("heading", { level: 1 }).innerText()).trim()).toBe(
          "Your account",
        );
        expect(await page.locator("main").innerText()).toContain(`${SCRIPT_NAME} Lovelace`);
        expect(
          await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned),
        ).toBeUndefined();
        await shot("account");
      });

      it("verifies the email through the link the console mailer printed", async () => {
        const link = await waitForLink(example, 0, "/auth/verify-email/process/");
        await page.goto(link);
        await shot("verify-email");
        await submit("Verify my email");
        expect((await page.getByRole("status").innerText()).trim()).toBe("Your email is verified.");
        expect(await page.getByText("Not verified yet.").count()).toBe(0);
      });

      it("changes the name and lists the session on the account page", async () => {
        await page.getByLabel("First name").fill("Ada");
        await submit("Save name");
        expect((await page.getByRole("status").innerText()).trim()).toBe("Saved.");
        expect(await page.locator("main > p").first().innerText()).toContain("Ada Lovelace");
        expect(await page.locator(".sessions li").count()).toBe(1);
        expect(await page.locator(".sessions li").first().innerText()).toContain("This device");
      });

      it("shows a field error with role=alert when the current password is wrong", async () => {
        await page.locator("#old_password").fill("not my password at all");
        await page.locator("#new_password").fill("battery staple horse correct");
        await submit("Change password");
        expect(await page.getByRole("alert").innerText()).toContain("Invalid");
        await shot("account-error");
      });

      it("signs out by POST after a confirm page, then signs in again", async () => {
        await page.goto(url("/sign-out/"));
        await shot("sign-out");
        await submit("Sign out");
        expect((await page.getByRole("status").innerText()).trim()).toBe("You are signed out.");
        await shot("sign-in");
        await page.goto(url("/account/"));
        expect(page.url()).toBe(`${url("/")}?redirect=${encodeURIComponent("/auth/account/")}`);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await submit("Sign in");
        expect(page.url()).toBe(url("/account/"));
      });

      it("enrolls TOTP from the shown key, then signs in with a code", async () => {
        await page.goto(url("/enroll-totp/"));
        expect(await page.locator("svg.qr").count()).toBe(1);
        await shot("enroll-totp");
        totpKey = (await page.locator("#totp-key").innerText()).trim();
        backupCodes = await page.locator("#backup-codes li").allInnerTexts();
        expect(backupCodes).toHaveLength(10);
        await page.getByLabel("2FA code").fill(totpCode(totpKey));
        await submit("Turn on 2FA");
        expect(await page.getByText("2FA is on.").count()).toBe(1);
        await signOut();
        await signIn();
        expect((await page.getByRole("heading", { level: 1 }).innerText()).trim()).toBe(
          "Two-factor authentication",
        );
        await shot("sign-in-code");
        await page.getByLabel("2FA code").fill(totpCode(totpKey, 1));
        await submit("Continue");
        expect(page.url()).toBe(url("/account/"));
      });

      it("resets a forgotten password through the emailed link", async () => {
        await signOut();
        await page.goto(url("/forgot-password/"));
        await shot("forgot-password");
        const since = example.output().length;
        await page.getByLabel("Email").fill(email);
        await submit("Email me a reset link");
        expect(await page.getByRole("status").innerText()).toContain("reset link is on its way");
        await page.goto(await waitForLink(example, since, "/auth/forgot-password/process/"));
        await shot("reset-password");
        password = "a brand new horse battery";
        await page.getByLabel("New password").fill(password);
        await submit("Set the new password");
        expect(await page.getByRole("status").innerText()).toContain("Your password is changed");
        await signIn();
        await page.getByLabel("2FA code").fill(backupCodes[0] ?? "");
        await submit("Continue");
        expect(page.url()).toBe(url("/account/"));
      });

      it("turns 2FA off on the account page", async () => {
        await page.locator("#disable-code").fill(backupCodes[1] ?? "");
        await submit("Turn off 2FA");
        expect(await page.getByText("2FA is off.").count()).toBe(1);
      });

      it("signs in with a magic link", async () => {
        await signOut();
        await page.goto(url("/magic-link/"));
        await shot("magic-link");
        const since = example.output().length;
        await page.getByLabel("Email").fill(email);
        await submit("Email me a sign-in link");
        expect(await page.getByRole("status").innerText()).toContain("sign-in link is on its way");
        await page.goto(await waitForLink(example, since, "/auth/magic-link/process/"));
        await shot("magic-link-process");
        await submit("Sign in");
        expect(page.url()).toBe(url("/account/"));
      });

      it("ignores an open-redirect attempt and honours a local one", async () => {
        for (const target of [
          "//evil.example/",
          "/\\evil.example",
          "https://evil.example/",
          "/%2F%2Fevil.example",
        ]) {
          await page.goto(url(`/sign-out/`));
          await submit("Sign out");
          await page.goto(`${url("/")}?redirect=${encodeURIComponent(target)}`);
          await page.getByLabel("Email").fill(email);
          await page.getByLabel("Password").fill(password);
          await submit("Sign in");
          expect(page.url(), target).toBe(url("/account/"));
        }
        await signOut();
        await page.goto(`${url("/")}?redirect=${encodeURIComponent("/auth/enroll-totp/")}`);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await submit("Sign in");
        expect(page.url()).toBe(url("/enroll-totp/"));
      });

      it("refuses a form post from a foreign origin or without the CSRF token", async () => {
        const cookies = await context.cookies(example.origin);
        const cookie = cookies.map((item) => `${item.name}=${item.value}`).join("; ");
        const body = "first_name=Eve&last_name=Mallory";
        const headers = { "content-type": "application/x-www-form-urlencoded", cookie };
        const foreign = await fetch(url("/account/name/"), {
          method: "POST",
          headers: { ...headers, origin: "https://evil.example" },
          body,
          redirect: "manual",
        });
        expect(foreign.status).toBe(403);
        const tokenless = await fetch(url("/account/name/"), {
          method: "POST",
          headers: { ...headers, origin: example.origin },
          body,
          redirect: "manual",
        });
        expect(tokenless.status).toBe(403);
        expect(await tokenless.text()).toContain("CSRF check failed");
        await page.goto(url("/account/"));
        expect(await page.locator("main > p").first().innerText()).toContain("Ada Lovelace");
      });

      it("serves every page under a CSP without inline script", async () => {
        const response = await fetch(url("/"));
        const csp = response.headers.get("content-security-policy") ?? "";
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toContain("unsafe-inline");
        expect(await response.text()).not.toMatch(/<script|style=/);
      });
    },
  );
}
