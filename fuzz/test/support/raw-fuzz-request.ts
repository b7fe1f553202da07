import type { RawRequest } from "@axor/testing";
import type { FuzzAccount } from "./fuzz-account.js";
import type { FuzzCase } from "./fuzz-case.js";
import { caseHeadersAndBody, FUZZ_MOUNT } from "./send-fuzz-case.js";

/**
 * Headers that frame the message or steer the connection: Node's HTTP parser answers a bad one
 * itself (400, 417) before any framework runs, so the HTTP fuzz leaves them to the client. The
 * same for `Host`: `@hono/node-server` answers a Host that makes no URL with a bare 400 before
 * Hono runs (see docs/security.md, Fuzzing).
 */
const framing = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "expect",
  "connection",
  "upgrade",
  "te",
  "trailer",
  "keep-alive",
  "http2-settings",
]);

/** A header value Node's client can send: printable ASCII and tabs, no outer whitespace. */
const sendable = (value: string): string => value.replace(/[^\t\x20-\x7e]/g, "?").trim();

/** A request target Node's client can send: anything outside printable ASCII percent-encoded. */
const sendablePath = (path: string): string =>
  path.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char));

/** The case as a request on the wire to the server at `origin`. */
export function rawFuzzRequest(sent: FuzzCase, account: FuzzAccount, origin: string): RawRequest {
  const { headers, body } = caseHeadersAndBody(sent, account, origin);
  const wire: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!framing.has(name)) wire[name] = sendable(value);
  }
  const method = sent.method.toUpperCase();
  return { method, target: `${FUZZ_MOUNT}${sendablePath(sent.path)}`, headers: wire, body };
}
