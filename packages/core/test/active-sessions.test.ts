import { describe, expect, it, vi } from "vitest";
import { AxorError, type ClientInfo, type SecurityEvent } from "../src/index.js";
import { testAxor, uniqueEmail, webClient } from "./test-axor.js";

const PASSWORD = "correct horse battery";
const fastHashing = { argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } };

/** A user signed in from the web and from an app, with each client's ClientInfo. */
async function signedIn() {
  const events: SecurityEvent[] = [];
  const { axor, storage } = testAxor({ ...fastHashing, onEvent: (event) => events.push(event) });
  const email = uniqueEmail();
  const input = { email, password: PASSWORD, first_name: "Ada", last_name: "Lovelace" };
  const registered = await axor.register(input, webClient);
  const web: ClientInfo = { ...webClient, credential: { source: "cookie", key: registered.key } };
  const appClient: ClientInfo = { ...webClient, mode: "app", credential: null };
  const loggedIn = await axor.login({ email, password: PASSWORD }, appClient);
  const app: ClientInfo = { ...appClient, credential: { source: "bearer", key: loggedIn.key } };
  return { axor, storage, events, web, app, userId: registered.response.user.id };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AxorError) return error.code;
    throw error;
  }
  return undefined;
}

describe("server-side session management", () => {
  it("listSessions splits sessions and tokens and marks the caller's own current", async () => {
    const { axor, web, app } = await signedIn();
    const fromWeb = await axor.listSessions(web);
    expect(fromWeb.sessions.map((s) => s.current)).toEqual([true]);
    expect(fromWeb.tokens.map((t) => t.current)).toEqual([false]);
    const fromApp = await axor.listSessions(app);
    expect(fromApp.sessions.map((s) => s.current)).toEqual([false]);
    expect(fromApp.tokens.map((t) => t.current)).toEqual([true]);
  });

  it("every method throws NotAuthenticated without a live credential", async () => {
    const { axor, web } = await signedIn();
    const garbage: ClientInfo = { ...webClient, credential: { source: "cookie", key: "x" } };
    for (const client of [webClient, garbage]) {
      expect(await codeOf(axor.listSessions(client))).toBe("NotAuthenticated");
      expect(await codeOf(axor.closeSession({ id: "x" }, client))).toBe("NotAuthenticated");
      expect(await codeOf(axor.closeOtherSessions(client))).toBe("NotAuthenticated");
    }
    await axor.logout(web);
    expect(await codeOf(axor.listSessions(web))).toBe("NotAuthenticated");
  });

  it("closeSession says whether it closed the caller's own, and records session_closed", async () => {
    const { axor, events, web, app, userId } = await signedIn();
    const { tokens, sessions } = await axor.listSessions(web);
    const tokenId = tokens[0]?.id as string;
    expect(await axor.closeSession({ id: tokenId }, web)).toEqual({ closedCurrent: false });
    expect(await axor.currentUser(app)).toBeNull();
    expect(events.filter((e) => e.type === "session_closed" && e.userId === userId)).toHaveLength(
      1,
    );
    const webId = sessions[0]?.id as string;
    expect(await axor.closeSession({ id: webId }, web)).toEqual({ closedCurrent: true });
    expect(await axor.currentUser(web)).toBeNull();
  });

  it("closeSession: a malformed id is 404 without a storage call; a non-string id is 400", async () => {
    const { axor, storage, web } = await signedIn();
    const revoke = vi.spyOn(storage, "revokeSession");
    for (const id of ["", "garbage", "\u0000", "x".repeat(70_000)]) {
      expect(await codeOf(axor.closeSession({ id }, web))).toBe("SessionTokenNotFound");
    }
    expect(revoke).not.toHaveBeenCalled();
    const notAString = { id: 7 } as unknown as { id: string };
    expect(await codeOf(axor.closeSession(notAString, web))).toBe("ValidationError");
  });

  it("closeOtherSessions returns how many it closed and records sessions_closed", async () => {
    const { axor, events, web, app, userId } = await signedIn();
    expect(await axor.closeOtherSessions(app)).toBe(1);
    expect(await axor.currentUser(web)).toBeNull();
    expect(await axor.currentUser(app)).not.toBeNull();
    expect(await axor.closeOtherSessions(app)).toBe(0);
    const recorded = events.filter((e) => e.type === "sessions_closed" && e.userId === userId);
    expect(recorded).toHaveLength(2);
  });
});
