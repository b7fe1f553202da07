import { isPromiseLike, StorageUnavailableError } from "@axor/core/storage";
import { isConnectionFailure } from "./connection-failure.js";
import { isTransientConflict } from "./transient-conflict.js";

/** Calls of one verb at most: the first and two retries. */
const MAX_ATTEMPTS = 3;

/**
 * Verbs repeated after a connection died in the middle of the call, when it cannot be known
 * whether the write landed: the idempotent ones (reads, and writes that set values rather than
 * add, take or count something), and `decrementCounter`, the rate limiter's refund. A lost
 * refund would cost a user an attempt they never made; a doubled one gives back at most one
 * (the count never goes below zero), so repeating it is the safer side.
 */
const RETRIED_AFTER_LOST_CONNECTION = new Set<string>([
  "getUserById",
  "getUserByEmail",
  "updateUser",
  "getLiveSession",
  "touchSession",
  "getLatestSession",
  "listLiveSessions",
  "findOneTimeToken",
  "deleteOneTimeTokens",
  "getTotp",
  "saveTotp",
  "confirmTotp",
  "deleteTotp",
  "replaceBackupCodes",
  "getCounter",
  "resetCounter",
  "decrementCounter",
  "listUsers",
  "deleteUser",
  "listSecurityEvents",
  "deleteSecurityEvents",
  "sweepExpired",
]);

/** A short pause that grows with each attempt, jittered so retries of many calls spread out. */
function pause(attempt: number): Promise<void> {
  const ms = 10 * attempt + Math.random() * 20 * attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether a failed call of `verb` may run again. */
function isRetryable(verb: string, error: unknown): boolean {
  // A conflict was rolled back: nothing was applied, so any verb may run again.
  if (isTransientConflict(error)) return true;
  // A lost connection may have applied the call: only a verb that may land twice runs again (on
  // a fresh connection; the pool dropped the dead one).
  return RETRIED_AFTER_LOST_CONNECTION.has(verb) && isConnectionFailure(error);
}

/**
 * Wraps every verb of `adapter` with the database-fault policy:
 * - a serialization failure or deadlock is retried (up to 3 calls in all), for every verb;
 * - a connection failure is retried the same way for the idempotent verbs (reads, and writes
 *   that set values) and the rate limiter's refund, on a fresh connection;
 * - what still fails for either reason, and any other connection failure, leaves as
 *   `StorageUnavailableError` (the HTTP layer's 503), with the driver error as its `cause`.
 * Other errors pass through unchanged. A verb that answers synchronously (the session lookup
 * on SQLite's reader) is answered synchronously here too: no promise layer on the hot path.
 */
export function withStorageErrorBoundary<Verbs extends object>(adapter: Verbs): Verbs {
  const guarded: Record<string, unknown> = {};
  for (const [verb, implementation] of Object.entries(adapter)) {
    const call = implementation as (...args: unknown[]) => unknown;
    guarded[verb] = (...args: unknown[]) => attempt(verb, call, args, 1);
  }
  return guarded as Verbs;
}

type Verb = (...args: unknown[]) => unknown;

/** One call of `verb`: its answer as it comes, or, once it fails, `recover`'s promise. */
function attempt(verb: string, call: Verb, args: unknown[], count: number): unknown {
  let answer: unknown;
  try {
    answer = call(...args);
  } catch (error) {
    return recover(verb, call, args, count, error);
  }
  return isPromiseLike(answer)
    ? answer.catch((error) => recover(verb, call, args, count, error))
    : answer;
}

/** After a failed call: the next attempt when the policy allows one, else the error to throw. */
async function recover(
  verb: string,
  call: Verb,
  args: unknown[],
  count: number,
  error: unknown,
): Promise<unknown> {
  if (count < MAX_ATTEMPTS && isRetryable(verb, error)) {
    await pause(count);
    return attempt(verb, call, args, count + 1);
  }
  if (isConnectionFailure(error) || isTransientConflict(error)) {
    throw new StorageUnavailableError({ cause: error });
  }
  throw error;
}
