/** Error codes (Node sockets, mysql2, better-sqlite3) that mean "the database is unreachable". */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_QUERY_TIMEOUT",
  "ER_STATEMENT_TIMEOUT",
  // PostgreSQL SQLSTATEs: out of resources, too many connections, statement timeout or
  // cancelled, server shutting down or starting up, admin shutdown, crash shutdown.
  "53000",
  "53100",
  "53200",
  "53300",
  "57014",
  "57P01",
  "57P02",
  "57P03",
  "57P05",
]);

/** better-sqlite3 codes, extended ones included (SQLITE_BUSY_TIMEOUT, SQLITE_IOERR_READ...). */
const UNREACHABLE_SQLITE = /^SQLITE_(CANTOPEN|BUSY|LOCKED|IOERR|FULL|NOMEM|PROTOCOL)/;

/** Driver and pool messages that carry no code but mean the same. */
const UNREACHABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /cannot use a pool after calling end/i,
  /not queryable/i,
  /query read timeout/i,
  /timed out waiting for a database connection/i,
  /can't add new command when connection is in closed state/i,
  /pool is closed/i,
  /connection is in closed state/i,
  /driver has already been destroyed/i,
  /database connection is not open/i,
];

/**
 * True when `error` (or its cause, or one of an `AggregateError`'s errors) says the database
 * cannot serve now: refused, lost or timed-out connections, a server shutting down or out of
 * resources, a statement that ran past its timeout, a closed pool, a SQLite file that cannot be
 * opened or stays locked. A query that reached the database and was refused for what it asked
 * (a constraint, a syntax error) is not one.
 */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (
    typeof code === "string" &&
    (UNREACHABLE_CODES.has(code) || code.startsWith("08") || UNREACHABLE_SQLITE.test(code))
  ) {
    return true;
  }
  if (typeof message === "string" && UNREACHABLE_MESSAGES.some((re) => re.test(message))) {
    return true;
  }
  if (Array.isArray(errors) && errors.some((inner) => isConnectionFailure(inner, depth + 1))) {
    return true;
  }
  return isConnectionFailure(cause, depth + 1);
}
