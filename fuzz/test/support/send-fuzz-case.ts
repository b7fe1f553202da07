import type { AxorRequest } from "@axor/core";
import type { FuzzAccount } from "./fuzz-account.js";
import type { FuzzBody, FuzzCase } from "./fuzz-case.js";

/** Where every fuzz target mounts the API. */
export const FUZZ_MOUNT = "/api/user";

/** The account's value for a stand-in (`$email`...), any other value as it is. */
function withAccount(value: unknown, account: FuzzAccount): unknown {
  if (value === "$email") return account.email;
  if (value === "$password") return account.password;
  if (value === "$token_id") return account.tokenId;
  return value;
}

function bodyBytes(body: FuzzBody, account: FuzzAccount): Buffer | undefined {
  if (body.kind === "none") return undefined;
  if (body.kind === "text") return Buffer.from(body.text);
  if (body.kind === "bytes") return Buffer.from(body.bytes);
  const { value } = body;
  const filled =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withAccount(v, account)]))
      : value;
  return Buffer.from(JSON.stringify(filled) ?? "null");
}

/** The case's headers (lower-case names) and body bytes, with the account's credentials. */
export function caseHeadersAndBody(
  sent: FuzzCase,
  account: FuzzAccount,
  origin: string,
): { headers: Record<string, string>; body: Buffer | undefined } {
  const headers: Record<string, string> = { host: new URL(origin).host, ...sent.headers };
  if (sent.contentType !== undefined) headers["content-type"] = sent.contentType;
  if (sent.requestedBy !== undefined) headers["x-requested-by"] = sent.requestedBy;
  if (sent.origin !== undefined) headers.origin = sent.origin === "own" ? origin : sent.origin;
  const { credential } = sent;
  if (credential.kind === "bearer" || credential.kind === "both")
    headers.authorization = `Bearer ${account.bearer}`;
  if (credential.kind === "cookie" || credential.kind === "both") headers.cookie = account.cookie;
  if (credential.kind === "authorization") headers.authorization = credential.raw;
  if (credential.kind === "cookie-header") headers.cookie = credential.raw;
  const body = bodyBytes(sent.body, account);
  if (body === undefined) delete headers["content-length"];
  else if (headers["content-length"] === undefined) headers["content-length"] = String(body.length);
  return { headers, body };
}

/** The case as the neutral request `axor.handle` takes (in-process, no adapter). */
export function neutralRequest(sent: FuzzCase, account: FuzzAccount): AxorRequest {
  const { headers, body } = caseHeadersAndBody(sent, account, "http://127.0.0.1");
  return {
    method: sent.method.toUpperCase(),
    path: sent.path.split("?", 1)[0] ?? "/",
    mountPath: FUZZ_MOUNT,
    headers,
    body,
    ip: sent.ip,
    protocol: sent.protocol,
  };
}
