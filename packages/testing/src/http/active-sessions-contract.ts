import { randomUUID } from "node:crypto";
import type { SecurityEvent } from "@axor/core";
import { describe, expect, it } from "vitest";
import { expectAppToken, expectSession } from "./api-object-assertions.js";
import { loginAccount, registerAccount } from "./contract-accounts.js";
import type { ContractClient } from "./contract-client.js";
import { contractUserAgent } from "./contract-client.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import { expectProblem } from "./problem-assertions.js";
import {
  expectNoSessionCookie,
  expectSessionCookieCleared,
  sessionCookieName,
} from "./session-cookie-assertions.js";

const LIST = "active_sessions/";
const CLOSE = "active_sessions/close/";
const CLOSE_OTHERS = "active_sessions/close_except_current/";

const webLifetime = 3600;
const appLifetime = 7200;

/** The body of `active_sessions/`, as the suite reads it. */
interface ActiveSessionsBody {
  sessions: (Record<string, unknown> & { id: string; current: boolean })[];
  tokens: (Record<string, unknown> & { id: string; current: boolean })[];
}

const sessionKeys = ["created_at", "current", "expire_at", "id", "ip", "is_valid", "ua"];

/** GETs `active_sessions/` as `client`, asserts the 200 and every object's exact shape. */
async function listSessions(client: ContractClient): Promise<ActiveSessionsBody> {
  const response = await client.get(LIST);
  expect(response.status, response.text).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = response.body as ActiveSessionsBody;
  expect(Object.keys(body).sort()).toEqual(["sessions", "tokens"]);
  for (const session of body.sessions) {
    expectSession(session, { is_valid: true, ua: contractUserAgent });
    expect(Object.keys(session).sort()).toEqual([...sessionKeys, "updated_at"].sort());
    expect(session.current).toBeTypeOf("boolean");
  }
  for (const token of body.tokens) {
    expectAppToken(token, { is_valid: true, ua: contractUserAgent });
    expect(Object.keys(token).sort()).toEqual([...sessionKeys, "last_used_at"].sort());
    expect(token.current).toBeTypeOf("boolean");
  }
  return body;
}

/** The id of the session or token `client` is using (the one marked current). */
async function currentId(client: ContractClient): Promise<string> {
  const { sessions, tokens } = await listSessions(client);
  const current = [...sessions, ...tokens].filter((item) => item.current);
  expect(current).toHaveLength(1);
  return (current[0] as { id: string }).id;
}

const allIds = (body: ActiveSessionsBody) => [...body.sessions, ...body.tokens].map((s) => s.id);

/**
 * `active_sessions/`, `active_sessions/close/` and `active_sessions/close_except_current/`:
 * the user's live sessions and tokens, closing one, closing all the others; both client modes.
 */
export function describeActiveSessionsContract(start: StartContractServer): void {
  describe("active_sessions/", () => {
    const clock = new FakeClock();
    const events: SecurityEvent[] = [];
    const ctx = useContractServer(
      start,
      {
        webSessionLifetimeSeconds: webLifetime,
        appTokenLifetimeSeconds: appLifetime,
        now: () => clock.now(),
        onEvent: (event) => events.push(event),
      },
      () => clock.now(),
    );

    /** A user signed in on two browsers and two apps, one second apart (oldest first). */
    async function fourDevices() {
      const web = ctx.client();
      const { fields, body } = await registerAccount(web);
      clock.advanceSeconds(1);
      const app = ctx.client("app");
      const appLogin = await loginAccount(app, fields);
      clock.advanceSeconds(1);
      const otherWeb = ctx.client();
      await loginAccount(otherWeb, fields);
      clock.advanceSeconds(1);
      const otherApp = ctx.client("app");
      const otherAppLogin = await loginAccount(otherApp, fields);
      clock.advanceSeconds(1);
      return {
        fields,
        userId: body.user.id,
        web,
        app,
        otherWeb,
        otherApp,
        appTokenId: appLogin.session?.id as string,
        otherAppTokenId: otherAppLogin.session?.id as string,
      };
    }

    const eventsOf = (userId: string, type: string) =>
      events.filter((event) => event.userId === userId && event.type === type);

    it("answers 401 NotAuthenticated to all three endpoints without a credential", async () => {
      for (const mode of ["web", "app"] as const) {
        const client = ctx.client(mode);
        expectProblem(await client.get(LIST), LIST, "NotAuthenticated");
        expectProblem(await client.post(CLOSE, { id: randomUUID() }), CLOSE, "NotAuthenticated");
        expectProblem(await client.post(CLOSE_OTHERS), CLOSE_OTHERS, "NotAuthenticated");
      }
      const garbage = ctx.client();
      garbage.jar.set(sessionCookieName, "garbage");
      expectProblem(await garbage.get(LIST), LIST, "NotAuthenticated");
    });

    it("lists web sessions and app tokens apart, newest first, the caller's own current", async () => {
      const d = await fourDevices();
      const otherWebId = await currentId(d.otherWeb);
      const fromWeb = await listSessions(d.web);
      expect(fromWeb.sessions.map((s) => s.current)).toEqual([false, true]);
      expect(fromWeb.sessions[0]?.id).toBe(otherWebId);
      expect(fromWeb.tokens.map((t) => t.id)).toEqual([d.otherAppTokenId, d.appTokenId]);
      expect(fromWeb.tokens.map((t) => t.current)).toEqual([false, false]);

      const fromApp = await listSessions(d.app);
      expect(fromApp.sessions.map((s) => s.id)).toEqual(fromWeb.sessions.map((s) => s.id));
      expect(fromApp.sessions.map((s) => s.current)).toEqual([false, false]);
      expect(fromApp.tokens.map((t) => t.id)).toEqual([d.otherAppTokenId, d.appTokenId]);
      expect(fromApp.tokens.map((t) => t.current)).toEqual([false, true]);

      // HEAD answers as GET, without a body.
      const head = await d.app.send("HEAD", LIST);
      expect(head.status).toBe(200);
      expect(head.text).toBe("");
    });

    it("lists live ones only: not logged-out, closed or expired ones, nor another user's", async () => {
      const app = ctx.client("app");
      const { fields } = await registerAccount(app); // t0: the register token
      const expiring = await currentId(app);
      clock.advanceSeconds(appLifetime / 2 + 400);
      const caller = ctx.client("app");
      await loginAccount(caller, fields);
      const loggedOut = ctx.client();
      await loginAccount(loggedOut, fields);
      const loggedOutId = await currentId(loggedOut);
      expect((await loggedOut.post("logout/")).status).toBe(204);
      await registerAccount(ctx.client()); // someone else
      clock.advanceSeconds(appLifetime / 2 - 200); // the register token is past its lifetime

      const listed = await listSessions(caller);
      expect(listed.sessions).toEqual([]);
      expect(listed.tokens).toHaveLength(1);
      expect(listed.tokens[0]?.current).toBe(true);
      expect(allIds(listed)).not.toContain(expiring);
      expect(allIds(listed)).not.toContain(loggedOutId);
      expectProblem(await caller.post(CLOSE, { id: expiring }), CLOSE, "SessionTokenNotFound");
      expectProblem(await caller.post(CLOSE, { id: loggedOutId }), CLOSE, "SessionTokenNotFound");
    });

    it("close/ closes another web session and another app token (web caller): 204, dead at once", async () => {
      const d = await fourDevices();
      const otherWebId = await currentId(d.otherWeb);
      const response = await d.web.post(CLOSE, { id: otherWebId });
      expect(response.status, response.text).toBe(204);
      expect(response.text).toBe("");
      expectNoSessionCookie(response);
      expectProblem(await d.otherWeb.get("me/"), "me/", "NotAuthenticated");

      const tokenClosed = await d.web.post(CLOSE, { id: d.appTokenId });
      expect(tokenClosed.status, tokenClosed.text).toBe(204);
      expectProblem(await d.app.get("me/"), "me/", "NotAuthenticated");

      expect((await d.web.get("me/")).status).toBe(200);
      expect((await d.otherApp.get("me/")).status).toBe(200);
      const left = await listSessions(d.web);
      expect(allIds(left)).not.toContain(otherWebId);
      expect(allIds(left)).not.toContain(d.appTokenId);
      expect(left.sessions).toHaveLength(1);
      expect(left.tokens.map((t) => t.id)).toEqual([d.otherAppTokenId]);
      expect(eventsOf(d.userId, "session_closed")).toHaveLength(2);
    });

    it("close/ closes a web session and another app token (app caller): 204, no cookie", async () => {
      const d = await fourDevices();
      const webId = await currentId(d.web);
      const response = await d.app.post(CLOSE, { id: webId });
      expect(response.status, response.text).toBe(204);
      expect(response.setCookies).toEqual([]);
      expectProblem(await d.web.get("me/"), "me/", "NotAuthenticated");
      expect((await d.app.post(CLOSE, { id: d.otherAppTokenId })).status).toBe(204);
      expectProblem(await d.otherApp.get("me/"), "me/", "NotAuthenticated");
      expect((await d.app.get("me/")).status).toBe(200);
      expect((await d.otherWeb.get("me/")).status).toBe(200);
    });

    it("close/ of the caller's own web session signs it out and clears the cookie", async () => {
      const web = ctx.client();
      const { fields } = await registerAccount(web);
      const other = ctx.client();
      await loginAccount(other, fields);
      const id = await currentId(web);
      const key = web.jar.get(sessionCookieName) as string;
      const response = await web.post(CLOSE, { id });
      expect(response.status, response.text).toBe(204);
      expectSessionCookieCleared(response, clock.now());
      const stale = ctx.client();
      stale.jar.set(sessionCookieName, key);
      expectProblem(await stale.get("me/"), "me/", "NotAuthenticated");
      expect((await other.get("me/")).status).toBe(200);
    });

    it("close/ of the own web session clears the cookie even when this request slid it", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const id = await currentId(web);
      clock.advanceSeconds(webLifetime / 2 + 60); // this use slides the session
      const response = await web.post(CLOSE, { id });
      expect(response.status, response.text).toBe(204);
      expectSessionCookieCleared(response, clock.now());
      expect(web.jar.get(sessionCookieName)).toBeUndefined();
    });

    it("close/ of the caller's own app token signs it out", async () => {
      const app = ctx.client("app");
      await registerAccount(app);
      const response = await app.post(CLOSE, { id: await currentId(app) });
      expect(response.status, response.text).toBe(204);
      expect(response.setCookies).toEqual([]);
      expectProblem(await app.get("me/"), "me/", "NotAuthenticated");
    });

    it("close/ answers 404 SessionTokenNotFound to another user's id, which lives on", async () => {
      const mine = ctx.client("app");
      await registerAccount(mine);
      const theirsWeb = ctx.client();
      const { fields } = await registerAccount(theirsWeb);
      const theirsApp = ctx.client("app");
      const { session } = await loginAccount(theirsApp, fields);
      const theirWebId = await currentId(theirsWeb);
      for (const id of [theirWebId, session?.id as string]) {
        expectProblem(await mine.post(CLOSE, { id }), CLOSE, "SessionTokenNotFound");
      }
      expect((await theirsWeb.get("me/")).status).toBe(200);
      expect((await theirsApp.get("me/")).status).toBe(200);
    });

    it("close/ answers 404 to a closed id the second time, and 404s record nothing", async () => {
      const d = await fourDevices();
      expect((await d.web.post(CLOSE, { id: d.appTokenId })).status).toBe(204);
      const before = events.length;
      expectProblem(await d.web.post(CLOSE, { id: d.appTokenId }), CLOSE, "SessionTokenNotFound");
      expectProblem(
        await d.otherApp.post(CLOSE, { id: d.appTokenId }),
        CLOSE,
        "SessionTokenNotFound",
      );
      expect(events.length).toBe(before);
    });

    it.each([
      ["an unknown uuid", randomUUID()],
      ["an empty string", ""],
      ["garbage", "garbage"],
      ["a NUL byte", "\u0000"],
      ["an unpaired surrogate", "\ud800"],
      ["SQL", "' OR 1=1 --"],
      ["a long string", "x".repeat(10_000)],
      ["a uuid with spaces", ` ${randomUUID()} `],
    ])(
      "close/ answers 404 SessionTokenNotFound to %s, in both modes, and closes nothing",
      async (_, id) => {
        for (const mode of ["web", "app"] as const) {
          const client = ctx.client(mode);
          await registerAccount(client);
          const before = await listSessions(client);
          expectProblem(await client.post(CLOSE, { id }), CLOSE, "SessionTokenNotFound");
          expect(await listSessions(client)).toEqual(before);
        }
      },
    );

    it("close/ answers 404 to the upper-cased form of a live id (ids are exact)", async () => {
      const d = await fourDevices();
      const id = d.appTokenId.toUpperCase();
      expectProblem(await d.web.post(CLOSE, { id }), CLOSE, "SessionTokenNotFound");
      expect((await d.app.get("me/")).status).toBe(200);
    });

    it.each([
      ["a number", { id: 42 }],
      ["null", { id: null }],
      ["a boolean", { id: true }],
      ["an object", { id: { $ne: "" } }],
      ["an array", { id: ["x"] }],
      ["a missing id", {}],
    ])("close/ answers 400 ValidationError (id) to %s, in both modes", async (_, body) => {
      for (const mode of ["web", "app"] as const) {
        const client = ctx.client(mode);
        await registerAccount(client);
        const response = await client.post(CLOSE, body);
        const problem = expectProblem(response, CLOSE, "ValidationError");
        expect(Object.keys(problem.errors ?? {})).toContain("id");
        expect((await client.get("me/")).status).toBe(200);
      }
    });

    it("close/ answers 400 to a body that is not a JSON object, InvalidJSON to none", async () => {
      const app = ctx.client("app");
      await registerAccount(app);
      for (const body of [[], "id", 7, null]) {
        expectProblem(await app.post(CLOSE, body), CLOSE, "ValidationError");
      }
      expectProblem(
        await app.send("POST", CLOSE, { headers: { "content-type": "application/json" } }),
        CLOSE,
        "InvalidJSON",
      );
    });

    it("close/: of many parallel closes of one id, exactly one wins", async () => {
      const d = await fourDevices();
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () => d.web.post(CLOSE, { id: d.otherAppTokenId })),
      ).then((responses) => responses.map((response) => response.status));
      expect(statuses.filter((status) => status === 204)).toHaveLength(1);
      expect(statuses.filter((status) => status === 404)).toHaveLength(19);
      expect(eventsOf(d.userId, "session_closed")).toHaveLength(1);
    });

    it("close/ and close_except_current/ refuse a cookie request from a foreign origin (403), closing nothing", async () => {
      const d = await fourDevices();
      for (const headers of [
        { origin: "https://evil.example" },
        { origin: undefined, referer: "https://evil.example/page" },
        { origin: undefined },
      ]) {
        const closing = await d.web.post(CLOSE, { id: d.appTokenId }, { headers });
        expectProblem(closing, CLOSE, "CSRFFailed");
        const closingOthers = await d.web.post(CLOSE_OTHERS, undefined, { headers });
        expectProblem(closingOthers, CLOSE_OTHERS, "CSRFFailed");
      }
      for (const client of [d.web, d.app, d.otherWeb, d.otherApp]) {
        expect((await client.get("me/")).status).toBe(200);
      }
    });

    it("close_except_current/ (web caller): 204, every other session and token dies, the current lives", async () => {
      const d = await fourDevices();
      const someoneElse = ctx.client("app");
      await registerAccount(someoneElse);
      const response = await d.web.post(CLOSE_OTHERS);
      expect(response.status, response.text).toBe(204);
      expect(response.text).toBe("");
      expectNoSessionCookie(response);
      for (const client of [d.app, d.otherWeb, d.otherApp]) {
        expectProblem(await client.get("me/"), "me/", "NotAuthenticated");
      }
      expect((await d.web.get("me/")).status).toBe(200);
      expect((await someoneElse.get("me/")).status).toBe(200);
      const left = await listSessions(d.web);
      expect(left.tokens).toEqual([]);
      expect(left.sessions.map((s) => s.current)).toEqual([true]);
      expect(eventsOf(d.userId, "sessions_closed")).toHaveLength(1);
    });

    it("close_except_current/ (app caller): 204, the current token lives, a body is ignored", async () => {
      const d = await fourDevices();
      const response = await d.app.post(CLOSE_OTHERS, { id: d.otherAppTokenId });
      expect(response.status, response.text).toBe(204);
      expect(response.setCookies).toEqual([]);
      for (const client of [d.web, d.otherWeb, d.otherApp]) {
        expectProblem(await client.get("me/"), "me/", "NotAuthenticated");
      }
      expect((await d.app.get("me/")).status).toBe(200);
      const left = await listSessions(d.app);
      expect(left.sessions).toEqual([]);
      expect(left.tokens.map((t) => [t.id, t.current])).toEqual([[d.appTokenId, true]]);
    });

    it("close_except_current/ with nothing else to close still answers 204", async () => {
      const web = ctx.client();
      await registerAccount(web);
      expect((await web.post(CLOSE_OTHERS)).status).toBe(204);
      expect((await web.post(CLOSE_OTHERS)).status).toBe(204);
      expect((await web.get("me/")).status).toBe(200);
    });
  });
}
