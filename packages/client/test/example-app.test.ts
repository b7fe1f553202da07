import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type RunningExample, runExample } from "../../../test-support/run-example.js";
import {
  AxorClientError,
  type AxorClientErrorCode,
  createAxorClient,
  type KeyStorage,
} from "../src/index.js";
import { browserLikeFetch } from "./browser-like-fetch.js";

const PASSWORD = "correct horse battery";
let counter = 0;
const newAccount = () => ({
  email: `client${++counter}-${Date.now()}@example.com`,
  password: PASSWORD,
  first_name: "Ada",
  last_name: "Lovelace",
});

/** The AxorClientError `promise` rejects with (fails the test if it resolves or throws else). */
async function rejection(promise: Promise<unknown>): Promise<AxorClientError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AxorClientError);
  return error as AxorClientError;
}

let example: RunningExample;
let baseUrl: string;
beforeAll(async () => {
  example = await runExample("express", { AXOR_SECRET: "client-test-secret-0123456789abcdef" });
  baseUrl = `${example.origin}/api/user`;
}, 60_000);
afterAll(async () => {
  await example?.stop();
});

describe("@axor/client against the running Express example, web mode", () => {
  it("registers, reads me/, changes the name, lists sessions and logs out with the cookie", async () => {
    const fetch = browserLikeFetch(example.origin);
    const axor = createAxorClient({ baseUrl, fetch });
    const account = newAccount();

    const registered = await axor.register(account);
    expect(registered.user.email).toBe(account.email);
    expect(registered.session).toBeUndefined(); // web mode: no key in the body
    expect(fetch.jar.get("axor_session")).toBeTruthy();

    expect((await axor.me()).user.email).toBe(account.email);
    const renamed = await axor.changeName({ first_name: "Augusta", last_name: "King" });
    expect(renamed.user).toMatchObject({ first_name: "Augusta", last_name: "King" });
    const { sessions, tokens } = await axor.activeSessions();
    expect(tokens).toEqual([]);
    expect(sessions.map((session) => session.current)).toEqual([true]);

    await axor.logout();
    expect(fetch.jar.get("axor_session")).toBeUndefined();
    const after = await rejection(axor.me());
    expect(after.code).toBe("NotAuthenticated");
    expect(after.status).toBe(401);
  });

  it("logs in, and answers a wrong password with a typed InvalidCredentials error", async () => {
    const account = newAccount();
    await createAxorClient({ baseUrl, fetch: browserLikeFetch(example.origin) }).register(account);
    const axor = createAxorClient({ baseUrl, fetch: browserLikeFetch(example.origin) });

    const wrong = await rejection(axor.login({ email: account.email, password: "not it at all" }));
    expectTypeOf(wrong.code).toEqualTypeOf<AxorClientErrorCode>();
    expect(wrong.code).toBe("InvalidCredentials");
    expect(wrong.problem).toMatchObject({ status: "401", instance: "/api/user/login/" });
    expect(wrong.message).toBe("Credentials are invalid.");

    const login = await axor.login({ email: account.email, password: PASSWORD });
    expect(login.last_session).not.toBeNull(); // the session of the registration
    expect((await axor.me()).user.email).toBe(account.email);
  });

  it("carries the field errors of a ValidationError", async () => {
    const axor = createAxorClient({ baseUrl, fetch: browserLikeFetch(example.origin) });
    const error = await rejection(axor.register({ ...newAccount(), email: "not-an-email" }));
    expect(error.code).toBe("ValidationError");
    expect(error.problem.errors?.email).toEqual(["Enter a valid email address."]);
  });

  it("is refused by the CSRF check when the page is on a foreign origin", async () => {
    const axor = createAxorClient({ baseUrl, fetch: browserLikeFetch("https://evil.example") });
    expect((await rejection(axor.register(newAccount()))).code).toBe("CSRFFailed");
  });
});

describe("@axor/client against the running Express example, app mode", () => {
  it("keeps the Bearer key of register, uses it, and forgets it on logout", async () => {
    const axor = createAxorClient({ baseUrl, mode: "app" });
    const account = newAccount();

    const registered = await axor.register(account);
    expect(registered.session?.key).toBeTruthy();
    expect(await axor.keyStorage.get()).toBe(registered.session?.key);
    expect((await axor.me()).user.email).toBe(account.email);
    const renamed = await axor.changeName({ first_name: "Grace", last_name: "Hopper" });
    expect(renamed.user.first_name).toBe("Grace");

    await axor.logout();
    expect(await axor.keyStorage.get()).toBeNull();
    expect((await rejection(axor.me())).code).toBe("NotAuthenticated");
  });

  it("lists and closes app tokens; a closed token's client gets NotAuthenticated and drops its key", async () => {
    const account = newAccount();
    const phone = createAxorClient({ baseUrl, mode: "app", requestedBy: "phone_app" });
    await phone.register(account);
    const tablet = createAxorClient({ baseUrl, mode: "app" });
    const login = await tablet.login({ email: account.email, password: PASSWORD });
    expect(login.last_token_session?.ua).toBeDefined();

    const { sessions, tokens } = await phone.activeSessions();
    expect(sessions).toEqual([]);
    expect(tokens).toHaveLength(2);
    const other = tokens.find((token) => !token.current);
    expect(other?.id).toBe(login.session?.id);

    await phone.closeSession({ id: other?.id ?? "" });
    expect((await rejection(tablet.me())).code).toBe("NotAuthenticated");
    expect(await tablet.keyStorage.get()).toBeNull();
    expect((await phone.me()).user.email).toBe(account.email);
  });

  it("keeps the key in the key storage it is given, and answers a wrong password typed", async () => {
    const saved = new Map<string, string>();
    const keyStorage: KeyStorage = {
      get: async () => saved.get("key") ?? null,
      set: async (key) => {
        saved.set("key", key);
      },
      clear: async () => {
        saved.delete("key");
      },
    };
    const account = newAccount();
    const axor = createAxorClient({ baseUrl, mode: "app", keyStorage });
    await axor.register(account);
    const first = saved.get("key");
    expect(first).toBeTruthy();

    const wrong = await rejection(axor.login({ email: account.email, password: "nope-nope" }));
    expect(wrong.code).toBe("InvalidCredentials");
    expect(saved.get("key")).toBe(first); // a failed login leaves the signed-in key alone

    const login = await axor.login({ email: account.email, password: PASSWORD });
    expect(saved.get("key")).toBe(login.session?.key);
    expect(saved.get("key")).not.toBe(first);
    expect((await axor.me()).user.email).toBe(account.email);
  });

  it("reads the served OpenAPI document, whose operations are the client's methods", async () => {
    const axor = createAxorClient({ baseUrl, mode: "app" });
    const document = (await axor.openApi()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operationIds = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    const methods = Object.keys(axor).filter((name) => !["mode", "keyStorage"].includes(name));
    expect(operationIds.sort()).toEqual(methods.sort());
  });
});
