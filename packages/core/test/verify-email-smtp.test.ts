import { describe, expect, it } from "vitest";
import { fetchHandler, smtpMailer } from "../src/index.js";
import { useSmtpSink } from "./support/smtp-sink.js";
import { testAxor, uniqueEmail } from "./test-axor.js";

/** The `?token=` of the link in a raw (quoted-printable) message: soft breaks joined, `=3D` read. */
function linkToken(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, "");
  const token = /\?token=3D([A-Za-z0-9_-]+)/.exec(unfolded)?.[1];
  if (!token) throw new Error(`no link in the message:\n${raw}`);
  return token;
}

describe("email verification, end to end over SMTP", () => {
  const sink = useSmtpSink();
  const received = sink.received;

  it("registers, receives the link over SMTP, follows its token to verify_email/ and is verified", async () => {
    const mailer = smtpMailer(sink.url, "no-reply@example.com");
    const { axor } = testAxor({ mailer, baseUrl: "https://app.example.com" });
    const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
    const call = (path: string, method: string, headers: Record<string, string>, body?: unknown) =>
      handler(
        new Request(`http://127.0.0.1/api/user/${path}`, {
          method,
          headers: { "x-requested-by": "mobile_app", ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const json = { "content-type": "application/json" };
    const email = uniqueEmail();

    const registered = await call("register/", "POST", json, {
      email,
      password: "password123",
      first_name: "Ada",
      last_name: "L",
    });
    expect(registered.status).toBe(201);
    const { session, user } = (await registered.json()) as {
      session: { key: string };
      user: { is_email_verified: boolean };
    };
    expect(user.is_email_verified).toBe(false);
    const bearer = { authorization: `Bearer ${session.key}` };

    const message = received.find((mail) => mail.to.includes(email));
    expect(message?.raw).toMatch(/Subject: Confirm your email address/);
    const token = linkToken(message?.raw ?? "");
    expect(token).toHaveLength(43);

    const verified = await call("verify_email/", "POST", json, { token });
    expect(verified.status).toBe(204);

    const me = await call("me/", "GET", bearer);
    expect(((await me.json()) as { user: { is_email_verified: boolean } }).user).toMatchObject({
      email,
      is_email_verified: true,
    });
    // The link is used up.
    const again = await call("verify_email/", "POST", json, { token });
    expect(((await again.json()) as { code: string }).code).toBe("InvalidToken");
  });

  it("after change_email/, sends the new link to the new address and the notice to the old one", async () => {
    const mailer = smtpMailer(sink.url, "no-reply@example.com");
    const { axor } = testAxor({ mailer });
    const client = { ip: "127.0.0.1", userAgent: "vitest", mode: "app" as const };
    const oldEmail = uniqueEmail();
    const newEmail = uniqueEmail();
    const { key } = await axor.register(
      { email: oldEmail, password: "password123", first_name: "Ada", last_name: "L" },
      { ...client, credential: null },
    );
    const signedIn = { ...client, credential: { source: "bearer" as const, key } };
    await axor.changeEmail({ email: newEmail, password: "password123" }, signedIn);

    const toOld = received.filter((mail) => mail.to.includes(oldEmail)).map((mail) => mail.raw);
    expect(toOld.some((raw) => /Subject: Your email address was changed/.test(raw))).toBe(true);
    const toNew = received.find((mail) => mail.to.includes(newEmail));
    await axor.verifyEmail({ token: linkToken(toNew?.raw ?? "") }, { ...client, credential: null });
    expect(await axor.currentUser(signedIn)).toMatchObject({
      email: newEmail,
      is_email_verified: true,
    });
  });
});
