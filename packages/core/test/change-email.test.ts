import { describe, expect, it } from "vitest";
import { sha256 } from "../src/crypto/sha256.js";
import { AxorError, type ClientInfo, type EmailMessage, type SecurityEvent } from "../src/index.js";
import { testAxor, uniqueEmail } from "./test-axor.js";

const anonymous: ClientInfo = {
  ip: "127.0.0.1",
  userAgent: "vitest",
  mode: "app",
  credential: null,
};

function tokenIn(message: EmailMessage | undefined): string {
  const token = /token=([A-Za-z0-9_-]+)/.exec(message?.text ?? "")?.[1];
  if (!token) throw new Error("no link");
  return token;
}

async function signedUp(axor: ReturnType<typeof testAxor>["axor"], email = uniqueEmail()) {
  const { key, response } = await axor.register(
    { email, password: "password123", first_name: "Ada", last_name: "L" },
    anonymous,
  );
  const client: ClientInfo = { ...anonymous, credential: { source: "bearer", key } };
  return { client, email, id: response.user.id };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof AxorError ? error.code : String(error);
  }
}

describe("change_email", () => {
  it("kills pending reset and magic links (sent to the old address) and records email_changed", async () => {
    const events: SecurityEvent[] = [];
    const { axor, storage } = testAxor({ onEvent: (event) => events.push(event) });
    const { client, email, id } = await signedUp(axor);
    const now = new Date();
    for (const purpose of ["reset_password", "magic_link"] as const) {
      await storage.createOneTimeToken({
        tokenHash: sha256(`pending-${purpose}`),
        purpose,
        userId: id,
        email,
        createdAt: now,
        expireAt: new Date(now.getTime() + 3600_000),
      });
    }
    await axor.changeEmail({ email: uniqueEmail(), password: "password123" }, client);
    for (const purpose of ["reset_password", "magic_link"] as const) {
      expect(await storage.findOneTimeToken(sha256(`pending-${purpose}`), purpose, now)).toBeNull();
    }
    expect(events.filter((event) => event.userId === id).map((event) => event.type)).toContain(
      "email_changed",
    );
  });

  it("writes nothing on a wrong password, a same or a taken email", async () => {
    const events: SecurityEvent[] = [];
    const sent: EmailMessage[] = [];
    const { axor, storage } = testAxor({
      onEvent: (event) => events.push(event),
      mailer: { send: async (message) => void sent.push(message) },
    });
    const other = await signedUp(axor);
    const { client, email, id } = await signedUp(axor);
    const before = await storage.getUserById(id);
    const [eventCount, sentCount] = [events.length, sent.length];
    const attempts = [
      { email: uniqueEmail(), password: "wrong password" },
      { email, password: "password123" },
      { email: other.email, password: "password123" },
    ];
    const codes = [];
    for (const input of attempts) codes.push(await codeOf(axor.changeEmail(input, client)));
    expect(codes).toEqual(["InvalidPassword", "SameEmail", "EmailInUse"]);
    expect(await storage.getUserById(id)).toEqual(before);
    expect(events).toHaveLength(eventCount);
    expect(sent).toHaveLength(sentCount);
  });

  it("lets exactly one of two accounts racing for one new address have it", async () => {
    const { axor } = testAxor();
    const a = await signedUp(axor);
    const b = await signedUp(axor);
    const target = uniqueEmail();
    const codes = await Promise.all(
      [a, b].map(({ client }) =>
        codeOf(axor.changeEmail({ email: target, password: "password123" }, client)),
      ),
    );
    expect(codes.sort()).toEqual(["EmailInUse", undefined]);
  });

  it("answers 200 and reports to onError when the mailer is down", async () => {
    const reported: string[] = [];
    const { axor } = testAxor({
      mailer: {
        send: async () => {
          throw new Error("SMTP down");
        },
      },
      onError: (_error, during) => reported.push(during),
    });
    const { client } = await signedUp(axor);
    reported.length = 0;
    const email = uniqueEmail();
    const user = await axor.changeEmail({ email, password: "password123" }, client);
    expect(user.email).toBe(email);
    expect(reported.sort()).toEqual([
      'sending "Confirm your email address" email',
      'sending "Your email address was changed" email',
    ]);
  });
});

describe("verify_email", () => {
  it("refuses a live link whose address is no longer the user's, and does not use it up", async () => {
    const sent: EmailMessage[] = [];
    const { axor, storage } = testAxor({
      mailer: { send: async (message) => void sent.push(message) },
    });
    const { email, id } = await signedUp(axor);
    const token = tokenIn(sent.find((message) => message.to === email));
    await storage.updateUser(id, { email: uniqueEmail(), updatedAt: new Date() });
    expect(await codeOf(axor.verifyEmail({ token }, anonymous))).toBe("InvalidToken");
    expect(
      await storage.findOneTimeToken(sha256(token), "verify_email", new Date()),
    ).not.toBeNull();
    expect((await storage.getUserById(id))?.isEmailVerified).toBe(false);
  });

  it("lets exactly one of 50 concurrent uses of a link win", async () => {
    const sent: EmailMessage[] = [];
    const { axor, storage } = testAxor({
      mailer: { send: async (message) => void sent.push(message) },
    });
    const { email, id } = await signedUp(axor);
    const token = tokenIn(sent.find((message) => message.to === email));
    const codes = await Promise.all(
      Array.from({ length: 50 }, () => codeOf(axor.verifyEmail({ token }, anonymous))),
    );
    expect(codes.filter((code) => code === undefined)).toHaveLength(1);
    expect(codes.filter((code) => code === "InvalidToken")).toHaveLength(49);
    expect((await storage.getUserById(id))?.isEmailVerified).toBe(true);
  });

  it("keeps the resend cooldown with rate limits off, and gives it back when nothing was sent", async () => {
    let at = Date.now();
    const { axor } = testAxor({ now: () => new Date(at) });
    const { client } = await signedUp(axor);
    expect(await codeOf(axor.resendVerificationEmail(client))).toBe(
      "EmailVerificationLinkSentRecently",
    );

    const limited = testAxor({
      now: () => new Date(at),
      rateLimits: { email: { max: 1, windowSeconds: 3600 }, register: false, login: false },
    }).axor;
    const second = await signedUp(limited);
    at += 61_000;
    expect(await codeOf(limited.resendVerificationEmail(second.client))).toBeUndefined();
    at += 61_000;
    expect(await codeOf(limited.resendVerificationEmail(second.client))).toBe("RateLimited");
    // The refused resend sent nothing, so it left no cooldown behind.
    expect(await codeOf(limited.resendVerificationEmail(second.client))).toBe("RateLimited");
  });
});
