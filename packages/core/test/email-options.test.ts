import { describe, expect, it } from "vitest";
import type { EmailTemplate } from "../src/index.js";
import { outbox } from "./support/captured-mail.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

const newUser = (email: string, first_name = "Ada") => ({
  email,
  password: "correct horse",
  first_name,
  last_name: "L",
});

describe("email options", () => {
  it("verifyEmailOnRegister: false sends no email on register", async () => {
    const mail = outbox();
    const { axor } = testAxor({ mailer: mail.mailer, verifyEmailOnRegister: false });
    await axor.register(newUser(uniqueEmail()), webClient);
    expect(mail.sent).toEqual([]);
  });

  it("the default link is absolute, to the built-in page; linkPaths points it at the app's own route", async () => {
    const builtIn = outbox();
    const { axor } = testAxor({ mailer: builtIn.mailer, baseUrl: "https://app.example.com" });
    await axor.register(newUser(uniqueEmail()), webClient);
    expect(builtIn.sent[0]?.text).toMatch(
      /https:\/\/app\.example\.com\/auth\/verify-email\/process\/\?token=[A-Za-z0-9_-]{43}/,
    );
    expect(builtIn.sent[0]?.text).toContain("valid for 24 hours");

    const spa = outbox();
    const { axor: spaAxor } = testAxor({
      mailer: spa.mailer,
      baseUrl: "https://app.example.com",
      linkPaths: { verifyEmail: "/#/verify?from=email" },
      tokenLifetimes: { verifyEmailSeconds: 7200 },
    });
    await spaAxor.register(newUser(uniqueEmail()), webClient);
    expect(spa.sent[0]?.text).toMatch(
      /https:\/\/app\.example\.com\/#\/verify\?from=email&token=[A-Za-z0-9_-]{43}/,
    );
    expect(spa.sent[0]?.text).toContain("valid for 2 hours");
  });

  it("the default HTML escapes the user's name; emailTemplates replaces a template", async () => {
    const mail = outbox();
    const { axor } = testAxor({ mailer: mail.mailer });
    await axor.register(newUser(uniqueEmail(), "<script>alert(1)</script>"), webClient);
    expect(mail.sent[0]?.html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(mail.sent[0]?.html).not.toContain("<script>");

    const custom = outbox();
    const verifyEmail: EmailTemplate = ({ firstName, link }) => ({
      subject: `Welcome ${firstName}`,
      text: `Confirm: ${link}`,
      html: "<p>Confirm</p>",
    });
    const { axor: customAxor } = testAxor({
      mailer: custom.mailer,
      emailTemplates: { verifyEmail },
    });
    const email = uniqueEmail();
    await customAxor.register(newUser(email), webClient);
    expect(custom.sent[0]).toMatchObject({
      to: email,
      subject: "Welcome Ada",
      html: "<p>Confirm</p>",
    });
    expect(custom.sent[0]?.text).toMatch(/^Confirm: http:\/\/127\.0\.0\.1:3000\/auth\//);
  });
});
