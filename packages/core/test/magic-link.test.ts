import { describe, expect, it, vi } from "vitest";
import { AxorError, type EmailMessage, type SecurityEvent } from "../src/index.js";
import { tokenIn, waitFor } from "./support/captured-mail.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

const cheap = { argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } };
const password = "correct horse battery";

const isLink = (m: EmailMessage) => m.subject === "Your sign-in link";

describe("axor.requestMagicLink", () => {
  it("does no account work before it resolves: the lookup runs after", async () => {
    const { axor, storage } = testAxor({ ...cheap });
    const lookups = vi.spyOn(storage, "getUserByEmail");
    const tokens = vi.spyOn(storage, "createOneTimeToken");
    await axor.requestMagicLink({ email: uniqueEmail() }, webClient);
    expect(lookups).not.toHaveBeenCalled();
    expect(tokens).not.toHaveBeenCalled();
    await waitFor(() => (lookups.mock.calls.length > 0 ? true : undefined));
  });

  it("reports a mail outage to onError and still resolves", async () => {
    const errors: string[] = [];
    const { axor } = testAxor({
      ...cheap,
      mailer: {
        send: async () => {
          throw new Error("SMTP down");
        },
      },
      onError: (_error, during) => errors.push(during),
    });
    const email = uniqueEmail();
    await axor.register({ email, password, first_name: "A", last_name: "B" }, webClient);
    errors.length = 0;
    await expect(axor.requestMagicLink({ email }, webClient)).resolves.toBeUndefined();
    await waitFor(() => (errors.length > 0 ? true : undefined));
    expect(errors[0]).toContain("Your sign-in link");
  });

  it("reports a storage failure after the answer to onError", async () => {
    const errors: string[] = [];
    const { axor, storage } = testAxor({ ...cheap, onError: (_e, during) => errors.push(during) });
    vi.spyOn(storage, "getUserByEmail").mockRejectedValue(new Error("db down"));
    await axor.requestMagicLink({ email: uniqueEmail() }, webClient);
    await waitFor(() => (errors.length > 0 ? true : undefined));
    expect(errors).toEqual(["sending a magic link"]);
  });

  it("throws ValidationError for an invalid address", async () => {
    const { axor } = testAxor({ ...cheap });
    await expect(axor.requestMagicLink({ email: "nope" }, webClient)).rejects.toMatchObject({
      code: "ValidationError",
    });
  });
});

describe("axor.consumeMagicLink", () => {
  async function linked() {
    const sent: EmailMessage[] = [];
    const events: SecurityEvent[] = [];
    const { axor, storage } = testAxor({
      ...cheap,
      mailer: { send: async (m) => void sent.push(m) },
      onEvent: (event) => events.push(event),
    });
    const email = uniqueEmail();
    const { response } = await axor.register(
      { email, password, first_name: "A", last_name: "B" },
      webClient,
    );
    await axor.requestMagicLink({ email }, webClient);
    const token = tokenIn(await waitFor(() => sent.find(isLink)));
    return { axor, storage, events, token, userId: response.user.id };
  }

  it("signs in like login: a new session key, the user verified, the events recorded", async () => {
    const { axor, events, token, userId } = await linked();
    const result = await axor.consumeMagicLink({ token }, { ...webClient, mode: "app" });
    expect(result.response.user.id).toBe(userId);
    expect(result.response.user.is_email_verified).toBe(true);
    expect(result.response.session?.key).toBe(result.key);
    expect(result.expireAt.getTime()).toBeGreaterThan(Date.now());
    const types = events.filter((e) => e.userId === userId).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(["magic_link_requested", "email_verified", "magic_link_login"]),
    );
  });

  it("writes nothing when the token is rejected after lookup (disabled account)", async () => {
    const { axor, storage, token, userId } = await linked();
    await storage.updateUser(userId, { isActive: false, updatedAt: new Date() });
    const consume = vi.spyOn(storage, "consumeOneTimeToken");
    const error = await axor.consumeMagicLink({ token }, webClient).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxorError);
    expect((error as AxorError).code).toBe("AccountDisabled");
    expect(consume).not.toHaveBeenCalled();
  });

  it("throws TokenRequired for an empty token", async () => {
    const { axor } = await linked();
    await expect(axor.consumeMagicLink({ token: " " }, webClient)).rejects.toMatchObject({
      code: "TokenRequired",
    });
  });
});

describe("axor.changeName", () => {
  it("changes the names of the client's session user, and needs a live credential", async () => {
    const { axor } = testAxor({ ...cheap });
    const { key } = await axor.register(
      { email: uniqueEmail(), password, first_name: "A", last_name: "B" },
      webClient,
    );
    const client = { ...webClient, credential: { source: "cookie" as const, key } };
    const user = await axor.changeName({ first_name: " Grace ", last_name: "Hopper" }, client);
    expect([user.first_name, user.last_name]).toEqual(["Grace", "Hopper"]);
    await expect(
      axor.changeName({ first_name: "G", last_name: "H" }, webClient),
    ).rejects.toMatchObject({ code: "NotAuthenticated" });
    await expect(axor.changeName({ first_name: "", last_name: "H" }, client)).rejects.toMatchObject(
      { code: "ValidationError" },
    );
  });
});
