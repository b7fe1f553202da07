import { randomUUID } from "node:crypto";
import {
  AxorError,
  type AxorOptions,
  type ClientInfo,
  createAxor,
  type EmailMessage,
} from "@axor/core";
import type { EventLog, StorageAdapter } from "@axor/core/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** What the suite runs on: a storage, an event log (the storage's own when absent), a row count. */
export interface ServerApiFixture {
  storage: StorageAdapter;
  eventLog?: EventLog;
  /** Rows in the rate-limit counters table, where the storage keeps them. */
  countCounters?: () => Promise<number>;
  close(): Promise<void>;
}

const webClient: ClientInfo = {
  ip: "127.0.0.1",
  userAgent: "vitest",
  mode: "web",
  credential: null,
};
const email = (label = "admin") => `${label}-${randomUUID()}@example.com`;
const PASSWORD = "correct horse battery";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AxorError) return error.code;
    throw error;
  }
  return "no error";
}

/**
 * The server-side API (`axor.users`, `axor.cleanup`, the absolute session lifetime) on one
 * storage: every function's result, its validation and its effects on sign-in.
 */
export function describeServerApi(
  name: string,
  open: () => Promise<ServerApiFixture>,
  { counterTable = false }: { counterTable?: boolean } = {},
): void {
  describe(`server-side API on ${name}`, { timeout: 180_000 }, () => {
    let fixture: ServerApiFixture | undefined;
    beforeAll(async () => {
      fixture = await open();
    });
    afterAll(async () => fixture?.close());

    let clock = Date.now();
    const setup = (overrides: Partial<AxorOptions> = {}) => {
      if (!fixture) throw new Error("no fixture");
      const sent: EmailMessage[] = [];
      const axor = createAxor({
        storage: fixture.storage,
        ...(fixture.eventLog ? { eventLog: fixture.eventLog } : {}),
        secret: "test-secret-test-secret-test-secret!",
        argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
        mailer: { send: async (message) => void sent.push(message) },
        now: () => new Date(clock),
        ...overrides,
      });
      const signIn = async (address: string, password = PASSWORD) => {
        const { key } = await axor.login({ email: address, password }, webClient);
        return { ...webClient, credential: { source: "cookie", key } } satisfies ClientInfo;
      };
      return { axor, sent, signIn };
    };

    it("create: no password, no session, no email; the user exists and cannot log in", async () => {
      const { axor, sent } = setup();
      const address = email();
      const user = await axor.users.create({ email: address, first_name: "Ada", last_name: "L" });
      expect(user).toMatchObject({ email: address, is_active: true, is_email_verified: false });
      expect(await axor.users.sessions(user.id)).toEqual({ sessions: [], tokens: [] });
      expect(sent).toEqual([]);
      expect(await codeOf(axor.login({ email: address, password: "" }, webClient))).toBe(
        "ValidationError",
      );
      expect(await codeOf(axor.login({ email: address, password: PASSWORD }, webClient))).toBe(
        "InvalidCredentials",
      );
      const events = await axor.users.events({ userId: user.id });
      expect(events.map((event) => event.type)).toContain("user_created");
    });

    it("create: pre-verified with a password logs in; asked for, the verification email goes", async () => {
      const { axor, sent, signIn } = setup();
      const address = email();
      const user = await axor.users.create({
        email: ` ${address.toUpperCase()} `,
        password: PASSWORD,
        first_name: "Grace",
        last_name: "Hopper",
        email_verified: true,
      });
      expect(user).toMatchObject({ email: address, is_email_verified: true });
      expect(await axor.currentUser(await signIn(address))).toMatchObject({ id: user.id });

      const other = email();
      await axor.users.create({
        email: other,
        first_name: "A",
        last_name: "B",
        send_verification_email: true,
      });
      expect(sent.map((message) => message.to)).toEqual([other]);
    });

    it("create validates as register/ does and writes nothing on bad input", async () => {
      const { axor } = setup();
      const address = email();
      const bad = (input: unknown) => axor.users.create(input as never).catch((error) => error);
      const invalid = await bad({ email: "not-an-email", first_name: "", last_name: "x" });
      expect(invalid).toBeInstanceOf(AxorError);
      expect(invalid.code).toBe("ValidationError");
      expect(Object.keys(invalid.errors).sort()).toEqual(["email", "first_name"]);
      const weak = await bad({
        email: address,
        password: "short",
        first_name: "a",
        last_name: "b",
      });
      expect(weak.code).toBe("InvalidPassword");
      expect(await axor.users.getByEmail(address)).toBeNull();
      expect(
        (await bad({ email: address, first_name: "a", last_name: "b", email_verified: "yes" }))
          .code,
      ).toBe("ValidationError");
      await axor.users.create({ email: address, first_name: "a", last_name: "b" });
      expect((await bad({ email: address, first_name: "c", last_name: "d" })).code).toBe(
        "EmailInUse",
      );
    });

    it("create is not rate-limited: a seed of 1,000 users just works", async () => {
      const { axor } = setup({ rateLimits: { register: { max: 1, windowSeconds: 3600 } } });
      const tag = `seed${randomUUID().slice(0, 8)}`;
      for (let i = 0; i < 1000; i++) {
        await axor.users.create({
          email: `${tag}-${i}@example.com`,
          first_name: "Seed",
          last_name: tag,
        });
      }
      const page = await axor.users.list({ search: tag, limit: 10 });
      expect(page.total).toBe(1000);
      expect(page.users).toHaveLength(10);
    });

    it("get, getByEmail and list find users; malformed input is a ValidationError", async () => {
      const { axor } = setup();
      const tag = `find${randomUUID().slice(0, 8)}`;
      const created = [];
      for (let i = 0; i < 3; i++) {
        clock += 1000;
        created.push(
          await axor.users.create({ email: email(tag), first_name: "F", last_name: `${tag}${i}` }),
        );
      }
      const [first, second, third] = created;
      expect(await axor.users.get(second?.id ?? "")).toEqual(second);
      expect(await axor.users.getByEmail(` ${third?.email.toUpperCase()}`)).toEqual(third);
      expect(await axor.users.get(randomUUID())).toBeNull();
      expect(await axor.users.getByEmail(email("nobody"))).toBeNull();
      expect(await codeOf(axor.users.get(""))).toBe("ValidationError");
      expect(await codeOf(axor.users.get(42 as never))).toBe("ValidationError");

      const page = await axor.users.list({ search: tag.toUpperCase(), offset: 1, limit: 1 });
      expect(page).toEqual({ users: [second], total: 3, offset: 1, limit: 1 });
      expect((await axor.users.list({ search: tag })).users).toEqual([first, second, third]);
      expect(await codeOf(axor.users.list({ limit: 0 }))).toBe("ValidationError");
      expect(await codeOf(axor.users.list({ limit: 1001 }))).toBe("ValidationError");
      expect(await codeOf(axor.users.list({ offset: -1 }))).toBe("ValidationError");
    });

    it("updateNames, setPassword and markEmailVerified change the user", async () => {
      const { axor, signIn } = setup();
      const address = email();
      const user = await axor.users.create({
        email: address,
        password: PASSWORD,
        first_name: "a",
        last_name: "b",
      });
      const session = await signIn(address);
      clock += 1000;
      const renamed = await axor.users.updateNames(user.id, {
        first_name: " Ada ",
        last_name: "King",
      });
      expect(renamed).toMatchObject({ first_name: "Ada", last_name: "King" });
      expect(renamed.updated_at).not.toBe(user.updated_at);
      expect(
        await codeOf(axor.users.updateNames(user.id, { first_name: "", last_name: "x" })),
      ).toBe("ValidationError");
      expect(
        await codeOf(axor.users.updateNames(randomUUID(), { first_name: "a", last_name: "b" })),
      ).toBe("UserNotFound");

      expect(await codeOf(axor.users.setPassword(user.id, "short"))).toBe("InvalidPassword");
      await axor.users.setPassword(user.id, "a brand new passphrase");
      expect(await axor.currentUser(session)).toBeNull();
      expect(await codeOf(axor.login({ email: address, password: PASSWORD }, webClient))).toBe(
        "InvalidCredentials",
      );
      await signIn(address, "a brand new passphrase");

      expect((await axor.users.markEmailVerified(user.id)).is_email_verified).toBe(true);
      expect(await codeOf(axor.users.markEmailVerified(randomUUID()))).toBe("UserNotFound");
    });

    it("disable stops sessions and tokens at once; login says AccountDisabled only after the right password", async () => {
      const { axor, signIn } = setup();
      const address = email();
      const user = await axor.users.create({
        email: address,
        password: PASSWORD,
        first_name: "a",
        last_name: "b",
      });
      const web = await signIn(address);
      const app = await axor.login(
        { email: address, password: PASSWORD },
        { ...webClient, mode: "app" },
      );
      const appClient: ClientInfo = {
        ...webClient,
        mode: "app",
        credential: { source: "bearer", key: app.key },
      };
      expect(await axor.currentUser(appClient)).not.toBeNull();

      expect((await axor.users.disable(user.id)).is_active).toBe(false);
      expect(await axor.currentUser(web)).toBeNull();
      expect(await axor.currentUser(appClient)).toBeNull();
      expect(
        await codeOf(axor.login({ email: address, password: "wrong password" }, webClient)),
      ).toBe("InvalidCredentials");
      expect(await codeOf(axor.login({ email: address, password: PASSWORD }, webClient))).toBe(
        "AccountDisabled",
      );

      expect((await axor.users.enable(user.id)).is_active).toBe(true);
      expect(await axor.currentUser(web)).toBeNull(); // ended by disable, not brought back
      expect(await axor.currentUser(await signIn(address))).toMatchObject({ id: user.id });
      const types = (await axor.users.events({ userId: user.id })).map((event) => event.type);
      expect(types).toEqual(expect.arrayContaining(["user_disabled", "user_enabled"]));
    });

    it("sessions lists live ones; revokeSession and revokeSessions end them", async () => {
      const { axor, signIn } = setup();
      const address = email();
      const user = await axor.users.create({
        email: address,
        password: PASSWORD,
        first_name: "a",
        last_name: "b",
      });
      const other = await axor.users.create({ email: email(), first_name: "a", last_name: "b" });
      const first = await signIn(address);
      clock += 1000;
      const second = await signIn(address);
      await axor.login({ email: address, password: PASSWORD }, { ...webClient, mode: "app" });
      const listed = await axor.users.sessions(user.id);
      expect(listed.sessions).toHaveLength(2);
      expect(listed.tokens).toHaveLength(1);

      const [newest] = listed.sessions;
      expect(await codeOf(axor.users.revokeSession(other.id, newest?.id ?? ""))).toBe(
        "SessionTokenNotFound",
      );
      expect(await codeOf(axor.users.revokeSession(user.id, "not-a-session"))).toBe(
        "SessionTokenNotFound",
      );
      await axor.users.revokeSession(user.id, newest?.id ?? "");
      expect(await axor.currentUser(second)).toBeNull();
      expect(await axor.currentUser(first)).not.toBeNull();
      expect(await codeOf(axor.users.revokeSession(user.id, newest?.id ?? ""))).toBe(
        "SessionTokenNotFound",
      );
      expect(await axor.users.revokeSessions(user.id)).toBe(2);
      expect(await axor.users.sessions(user.id)).toEqual({ sessions: [], tokens: [] });
      expect(await codeOf(axor.users.sessions(randomUUID()))).toBe("UserNotFound");
    });

    it("delete removes the user and their sessions; events stay unless purged", async () => {
      const { axor, signIn } = setup();
      const address = email();
      const user = await axor.users.create({
        email: address,
        password: PASSWORD,
        first_name: "a",
        last_name: "b",
      });
      const session = await signIn(address);
      await axor.users.delete(user.id);
      expect(await axor.users.get(user.id)).toBeNull();
      expect(await axor.currentUser(session)).toBeNull();
      const kept = (await axor.users.events({ userId: user.id })).map((event) => event.type);
      expect(kept).toEqual(expect.arrayContaining(["user_created", "login", "user_deleted"]));
      expect(await codeOf(axor.users.delete(user.id))).toBe("UserNotFound");
      // the address is free again
      const again = await axor.users.create({ email: address, first_name: "a", last_name: "b" });
      await axor.users.delete(again.id, { purgeEvents: true });
      expect(await axor.users.events({ userId: again.id })).toEqual([]);
      expect(await codeOf(axor.users.delete(again.id, { purgeEvents: "yes" } as never))).toBe(
        "ValidationError",
      );
    });

    it("events pages by user and time range, newest first", async () => {
      const { axor } = setup();
      const user = await axor.users.create({ email: email(), first_name: "a", last_name: "b" });
      const start = clock;
      for (let i = 0; i < 3; i++) {
        clock += 60_000;
        await axor.users.updateNames(user.id, { first_name: `n${i}`, last_name: "b" });
      }
      const renames = await axor.users.events({ userId: user.id, from: new Date(start + 1) });
      expect(renames.map((event) => event.at.getTime())).toEqual([
        start + 180_000,
        start + 120_000,
        start + 60_000,
      ]);
      const middle = await axor.users.events({
        userId: user.id,
        from: new Date(start + 60_001),
        to: new Date(start + 180_000),
      });
      expect(middle.map((event) => event.at.getTime())).toEqual([start + 120_000]);
      const paged = await axor.users.events({ userId: user.id, offset: 1, limit: 1 });
      expect(paged.map((event) => event.at.getTime())).toEqual([start + 120_000]);
      expect(await codeOf(axor.users.events({ from: new Date(clock), to: new Date(start) }))).toBe(
        "ValidationError",
      );
      expect(await codeOf(axor.users.events({ from: "yesterday" as never }))).toBe(
        "ValidationError",
      );
    });

    it("cleanup deletes ended sessions in batches and keeps live ones", async () => {
      const { axor, signIn } = setup({ webSessionLifetimeSeconds: 3600 });
      const address = email();
      await axor.users.create({
        email: address,
        password: PASSWORD,
        first_name: "a",
        last_name: "b",
      });
      for (let i = 0; i < 5; i++) await signIn(address);
      clock += 3600_000; // the five have ended
      const live = await signIn(address);
      const result = await axor.cleanup({ batchSize: 2 });
      expect(result.sessions).toBeGreaterThanOrEqual(5);
      expect(result.batches).toBeGreaterThanOrEqual(3);
      expect(result.more).toBe(false);
      expect(await axor.currentUser(live)).not.toBeNull();
      expect((await axor.cleanup()).sessions).toBe(0);
      const capped = await axor.cleanup({ batchSize: 1, maxBatches: 1 });
      expect(capped.batches).toBe(1);
      expect(await codeOf(axor.cleanup({ batchSize: 0 }))).toBe("ValidationError");
    });

    it.runIf(counterTable)(
      "the counters table does not grow without bound under a stream of random emails",
      async () => {
        const count = fixture?.countCounters;
        if (!count) return;
        const { axor } = setup({
          rateLimits: { login: { max: 5, windowSeconds: 60 } },
        });
        // Every counter of earlier tests has ended (an address that signed in stays known 30 days).
        clock += 31 * 24 * 3600_000;
        await axor.cleanup({ maxBatches: 1_000_000 });
        expect(await count()).toBe(0);
        const rounds = 4;
        for (let round = 0; round < rounds; round++) {
          for (let i = 0; i < 50; i++) {
            await codeOf(
              axor.login(
                { email: email("stream"), password: "whatever it is" },
                { ...webClient, ip: `198.51.100.${i}` },
              ),
            );
          }
          expect(await count()).toBeGreaterThanOrEqual(50);
          clock += 24 * 3600_000; // every window of this round has ended
          await axor.cleanup();
          expect(await count()).toBe(0);
        }
      },
    );
  });
}
