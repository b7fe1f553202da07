/** Node socket errors that mean the server cannot be reached. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

/** SQLSTATEs of a server that cannot serve now: too many connections, shutting down, starting. */
const UNAVAILABLE_STATES = new Set(["53300", "57P01", "57P02", "57P03"]);

/** What node-postgres says, without a code, when the pool or the connection is gone. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /cannot use a pool after calling end/i,
  /not queryable/i,
];

/** `error` and the errors behind it: Drizzle wraps the driver's error as `cause`. */
function* errorChain(error: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (typeof error !== "object" || error === null || depth > 5) return;
  yield error;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  yield* errorChain(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* errorChain(inner, depth + 1);
}

/** True when the database could not be reached, as opposed to refusing what it was asked. */
export function isConnectionFailure(error: unknown): boolean {
  for (const { code, message } of errorChain(error)) {
    if (typeof code === "string") {
      if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith("08")) {
        return true;
      }
    }
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) {
      return true;
    }
  }
  return false;
}

/** True when a unique index refused the row (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  for (const { code } of errorChain(error)) if (code === "23505") return true;
  return false;
}
