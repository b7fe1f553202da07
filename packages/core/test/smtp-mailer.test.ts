import { afterAll, describe, expect, it } from "vitest";
import { consoleMailer, createAxor, memoryStorage, smtpMailer } from "../src/index.js";
import { useSmtpSink } from "./support/smtp-sink.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

describe("verification email over SMTP", () => {
  const sink = useSmtpSink();
  const received = sink.received;

  it("sends the link to the new user through nodemailer", async () => {
    const mailer = smtpMailer(sink.url, "no-reply@example.com");
    const { axor } = testAxor({ mailer, baseUrl: "https://app.example.com" });
    const email = uniqueEmail();
    await axor.register(
      { email, password: "password123", first_name: "Ada", last_name: "L" },
      webClient,
    );

    const message = received.find((mail) => mail.to.includes(email));
    expect(message?.from).toBe("no-reply@example.com");
    expect(message?.raw).toMatch(/Subject: Confirm your email address/);
    const unfolded = message?.raw.replace(/=\r?\n/g, "") ?? "";
    expect(unfolded).toMatch(
      /https:\/\/app\.example\.com\/auth\/verify-email\/process\/\?token=3D[A-Za-z0-9_-]{43}/,
    );
  });

  it("still registers the user when the SMTP server is down, and reports the failure", async () => {
    const reported: string[] = [];
    const mailer = smtpMailer("smtp://127.0.0.1:1", "no-reply@example.com");
    const { axor, storage } = testAxor({
      mailer,
      onError: (_error, during) => reported.push(during),
    });
    const email = uniqueEmail();
    const result = await axor.register(
      { email, password: "password123", first_name: "Ada", last_name: "L" },
      webClient,
    );
    expect(result.response.user.email).toBe(email);
    expect(await storage.getUserByEmail(email)).not.toBeNull();
    expect(reported).toEqual(['sending "Confirm your email address" email']);
  });
});

describe("smtpMailer at startup", () => {
  it.each([
    [undefined, "no-reply@example.com", /Invalid smtpMailer "url": must be a string/],
    ["", "no-reply@example.com", /Invalid smtpMailer "url": must be an SMTP URL/],
    ["http://smtp.example.com", "no-reply@example.com", /"url": must start with smtp:\/\//],
    ["smtp://u:secret@smtp.example.com", "nobody", /Invalid smtpMailer "from"/],
  ])("refuses url %s / from %s with a message naming it", (url, from, message) => {
    expect(() => smtpMailer(url as string, from)).toThrow(message);
    try {
      smtpMailer(url as string, from);
    } catch (error) {
      expect((error as Error).message).not.toContain("secret");
    }
  });
});

describe("createAxor with NODE_ENV=production", () => {
  const options = { storage: memoryStorage(), secret: "s".repeat(32) };
  const previous = process.env.NODE_ENV;
  afterAll(() => {
    process.env.NODE_ENV = previous;
  });

  it("refuses the default console mailer and a missing baseUrl, naming each option", () => {
    process.env.NODE_ENV = "production";
    expect(() => createAxor({ ...options, baseUrl: "https://example.com" })).toThrow(
      /Invalid Axor option "mailer": required when NODE_ENV=production/,
    );
    expect(() => createAxor({ ...options, mailer: consoleMailer() })).toThrow(
      /Invalid Axor option "baseUrl": required when NODE_ENV=production/,
    );
    expect(() =>
      createAxor({ ...options, mailer: consoleMailer(), baseUrl: "https://example.com" }),
    ).not.toThrow();
  });
});
