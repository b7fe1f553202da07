/**
 * One user's journey through the account flows, over HTTP (the core handler) with every email
 * going through a real SMTP server on loopback (`smtpMailer` -> nodemailer -> `smtp-server`):
 * the links are read out of the raw MIME messages, as a user's mail client would show them.
 */
import { describe, expect, it } from "vitest";
import { ContractClient } from "../../testing/src/http/contract-client.js";
import type { ContractServer } from "../../testing/src/http/contract-server.js";
import { fetchHandler, smtpMailer } from "../src/index.js";
import { useSmtpSink } from "./support/smtp-sink.js";
import { testAxor, uniqueEmail } from "./test-axor.js";

const ORIGIN = "http://127.0.0.1";
const fastHashing = { argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } };

/** The raw message with quoted-printable soft line breaks joined and `=3D` read as `=`. */
function unfold(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
}

/** The `?token=` of the link to `path` in a raw message. */
function linkToken(raw: string, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const token = new RegExp(`${escaped}\\?token=([A-Za-z0-9_-]+)`).exec(unfold(raw))?.[1];
  if (!token) throw new Error(`no ${path} link in the message:\n${raw}`);
  return token;
}

describe("account flows end to end, emails over SMTP", () => {
  const sink = useSmtpSink();
  const received = sink.received;

  /** Waits (up to 5 s) for a message to `to` that matches once unfolded, after `since` messages. */
  async function mailTo(to: string, pattern: RegExp, since = 0): Promise<string> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = received
        .slice(since)
        .find((mail) => mail.to.includes(to) && pattern.test(unfold(mail.raw)));
      if (found) return found.raw;
      if (Date.now() > deadline) throw new Error(`no "${pattern.source}" message to ${to}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  function start() {
    const mailer = smtpMailer(sink.url, "no-reply@example.com");
    const { axor } = testAxor({ ...fastHashing, mailer, baseUrl: "https://app.example.com" });
    const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
    const server: ContractServer = {
      fetch: (path, init) => handler(new Request(`${ORIGIN}/api/user/${path}`, init)),
      origin: ORIGIN,
      axor,
      close: async () => {},
    };
    return { server, client: (mode: "web" | "app" = "web") => new ContractClient(server, mode) };
  }

  it("register, verify over SMTP, reset the password over SMTP, sign in by magic link, manage sessions", async () => {
    const { client } = start();
    const email = uniqueEmail();
    const password = "correct horse battery staple";

    // register/ (web): the verification email arrives over SMTP; its link verifies the address.
    const browser = client();
    const registered = await browser.post("register/", {
      email,
      password,
      first_name: "Ada",
      last_name: "Lovelace",
    });
    expect(registered.status, registered.text).toBe(201);
    const verification = await mailTo(email, /Subject: Confirm your email address/);
    const verified = await client().post("verify_email/", {
      token: linkToken(verification, "/auth/verify-email/process/"),
    });
    expect(verified.status, verified.text).toBe(204);
    const me = await browser.get("me/");
    expect(me.body).toMatchObject({ user: { email, is_email_verified: true } });

    // forgot_password/: the reset email arrives over SMTP; the reset revokes every session.
    let since = received.length;
    const asked = await client().post("forgot_password/request/", { email });
    expect(asked.status, asked.text).toBe(204);
    const resetMail = await mailTo(email, /\/auth\/forgot-password\/process\/\?token=/, since);
    const resetToken = linkToken(resetMail, "/auth/forgot-password/process/");
    expect((await client().post("forgot_password/validate/", { token: resetToken })).status).toBe(
      204,
    );
    const newPassword = "another horse battery staple";
    const reset = await client().post("forgot_password/reset/", {
      token: resetToken,
      password: newPassword,
    });
    expect(reset.status, reset.text).toBe(204);
    expect((await browser.get("me/")).status).toBe(401);
    expect((await client().post("login/", { email, password })).status).toBe(401);
    const laptop = client();
    expect((await laptop.post("login/", { email, password: newPassword })).status).toBe(200);

    // magic_link/ (app): the link arrives over SMTP and signs the app in.
    since = received.length;
    const phone = client("app");
    expect((await phone.post("magic_link/request/", { email })).status).toBe(204);
    const magicMail = await mailTo(email, /\/auth\/magic-link\/process\/\?token=/, since);
    const consumed = await phone.post("magic_link/consume/", {
      token: linkToken(magicMail, "/auth/magic-link/process/"),
    });
    expect(consumed.status, consumed.text).toBe(200);
    expect((await phone.get("me/")).body).toMatchObject({ user: { email } });

    // active_sessions/: the laptop's session and the phone's token; close the laptop from the
    // phone, then everything but the phone.
    const tablet = client("app");
    expect((await tablet.post("login/", { email, password: newPassword })).status).toBe(200);
    const listed = (await phone.get("active_sessions/")).body as {
      sessions: { id: string; current: boolean }[];
      tokens: { id: string; current: boolean }[];
    };
    expect(listed.sessions.map((s) => s.current)).toEqual([false]);
    expect(listed.tokens.map((t) => t.current)).toEqual([false, true]);
    const laptopId = listed.sessions[0]?.id as string;
    expect((await phone.post("active_sessions/close/", { id: laptopId })).status).toBe(204);
    expect((await laptop.get("me/")).status).toBe(401);
    expect((await phone.post("active_sessions/close_except_current/")).status).toBe(204);
    expect((await tablet.get("me/")).status).toBe(401);
    expect((await phone.get("me/")).status).toBe(200);
  });
});
