import { AxorError, type ErrorCode } from "@axor/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  type StartAdapterServer,
} from "./adapter-server.js";
import { adapterTestAxor } from "./adapter-test-axor.js";
import {
  hangUpMidBody,
  type RawAnswer,
  type RawRequest,
  rawHttpRequest,
} from "./raw-http-request.js";

/**
 * Content types frameworks choke on (no type, no subtype, a list, stray parameters), with the
 * status the core gives a JSON login body sent with each.
 */
const oddContentTypes: ReadonlyArray<readonly [string, number]> = [
  ["", 415],
  ["json", 415],
  ["application/json, text/html", 415],
  ["text/html, application/json", 415],
  ["/", 415],
  ["a/b/c", 415],
  ["multipart/form-data", 415],
  ["application/json; charset=latin1", 415],
  ["application/json;;", 401],
  ["APPLICATION/JSON ; x=y", 401],
];

/** Paths a router could resolve or decode into an endpoint: the one core rule answers 404. */
const ambiguousPaths = [
  `${API}/%2e%2e/user/login/`,
  `${API}/%2E%2E/user/login/`,
  `${API}/../user/login/`,
  `${API}/./login/`,
  `${API}/%2e/login/`,
  `${API}/login%2f`,
  `${API}/login/%`,
  `${API}/login/%zz/`,
  `${API}/%`,
];

const loginBody = JSON.stringify({ email: "edge@example.com", password: "not-the-password" });

/** The envelope the core makes for `code` at `instance`: what every adapter must send. */
function expectedProblem(code: ErrorCode, instance: string): { status: number; body: unknown } {
  const answer = adapterTestAxor().errorResponse(new AxorError(code), instance);
  return { status: answer.status, body: JSON.parse(answer.body ?? "null") };
}

/** The core's own answer (status and parsed body) to `sent`, served in-process. */
async function coreAnswer(sent: RawRequest): Promise<{ status: number; body: unknown }> {
  const answer = await adapterTestAxor().handle({
    method: sent.method,
    path: sent.target.slice(API.length),
    mountPath: API,
    headers: { host: "127.0.0.1", ...sent.headers },
    body: sent.body === undefined ? undefined : Buffer.from(sent.body),
    ip: "127.0.0.1",
    protocol: "http",
  });
  return { status: answer.status, body: JSON.parse(answer.body ?? "null") };
}

function expectEnvelope(answer: RawAnswer, code: ErrorCode, instance: string): void {
  expect(String(answer.headers["content-type"]), answer.text).toMatch(
    /^application\/problem\+json/,
  );
  expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual(
    expectedProblem(code, instance),
  );
}

/**
 * Answers under the mount that frameworks like to give themselves, checked to be the core's
 * (same status, same envelope on every adapter): odd `Content-Type` values, paths with dot
 * segments or bad percent-encoding, malformed and oversized bodies, and a client hanging up
 * mid-body (no error report, the server keeps serving).
 *
 * @example
 * ```ts
 * import { describeAdapterEdgeAnswers } from "@axor/testing";
 *
 * describeAdapterEdgeAnswers("Express", startExpressServer); // see StartAdapterServer
 * ```
 */
export function describeAdapterEdgeAnswers(name: string, start: StartAdapterServer): void {
  describe(`${name} edge answers`, () => {
    let server: AdapterServer | undefined;
    afterEach(async () => {
      vi.restoreAllMocks();
      await server?.close();
      server = undefined;
    });
    const serve = async (): Promise<string> => {
      server = await start({ axor: adapterTestAxor(), mountPath: API, routes: [] });
      return server.origin;
    };

    it.each(oddContentTypes)(
      "answers login/ with Content-Type %j as the core does (%i)",
      async (type, status) => {
        const origin = await serve();
        const sent = {
          method: "POST",
          target: `${API}/login/`,
          headers: { "content-type": type },
          body: loginBody,
        };
        const answer = await rawHttpRequest(origin, sent);
        const expected = await coreAnswer(sent);
        expect(String(answer.headers["content-type"]), answer.text).toMatch(
          /^application\/problem\+json/,
        );
        expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual(expected);
        expect(expected.status).toBe(status);
      },
    );

    it("answers 204 on logout/ whatever the Content-Type of its ignored body", async () => {
      const origin = await serve();
      for (const [type] of oddContentTypes) {
        const headers = { "content-type": type };
        const target = `${API}/logout/`;
        const answer = await rawHttpRequest(origin, { method: "POST", target, headers, body: "x" });
        expect({ type, status: answer.status, text: answer.text }).toEqual({
          type,
          status: 204,
          text: "",
        });
      }
    });

    it.each(ambiguousPaths)("answers 404 NotFound to %s", async (target) => {
      const origin = await serve();
      const headers = { "content-type": "application/json" };
      const answer = await rawHttpRequest(origin, {
        method: "POST",
        target,
        headers,
        body: loginBody,
      });
      expectEnvelope(answer, "NotFound", target);
    });

    it.each([
      ["{", "InvalidJSON"],
      ["\u0000", "InvalidJSON"],
      ['{"email":"a@example.com"', "InvalidJSON"],
      ["x".repeat(64 * 1024 + 1), "PayloadTooLarge"],
    ] as const)("answers the body %# in the envelope", async (body, code) => {
      const origin = await serve();
      const target = `${API}/login/`;
      const headers = { "content-type": "application/json" };
      expectEnvelope(
        await rawHttpRequest(origin, { method: "POST", target, headers, body }),
        code,
        target,
      );
    });

    it.each(["PROPFIND", "M-SEARCH", "TRACE"])(
      "answers %s on login/ with the core's 405",
      async (method) => {
        const origin = await serve();
        const target = `${API}/login/`;
        const answer = await rawHttpRequest(origin, { method, target });
        expectEnvelope(answer, "MethodNotAllowed", target);
      },
    );

    it("reports nothing when a client hangs up mid-body, and keeps serving", async () => {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const origin = await serve();
      await hangUpMidBody(origin, `${API}/login/`, 1000, '{"email":"edge@example.com",');
      await hangUpMidBody(origin, `${API}/register/`, 70_000, "x".repeat(1000));
      const target = `${API}/login/`;
      const answer = await rawHttpRequest(origin, { method: "POST", target, body: "{" });
      expectEnvelope(answer, "UnsupportedMediaType", target);
      expect(errors).not.toHaveBeenCalled();
    });
  });
}
