import { setTimeout as sleep } from "node:timers/promises";
import { meRequest } from "./app-requests.js";

/** Pause between two tries. */
const RETRY_PAUSE_MS = 20;

/** How a recovery check went. */
export interface ServingCheck {
  /** Milliseconds until `me/` answered 200; undefined when it did not within the deadline. */
  ms?: number;
  /** What the last try got, e.g. "503" or "fetch failed: ECONNREFUSED". */
  last: string;
}

/**
 * Asks `GET me/` with `key` until it answers 200 or `deadlineMs` have passed (each try is cut
 * off at the deadline), and says how long it took.
 *
 * @example
 * ```ts
 * const check = await timeUntilServing(example.origin, key, 1_000);
 * expect(check.ms, check.last).toBeDefined();
 * ```
 */
export async function timeUntilServing(
  origin: string,
  key: string,
  deadlineMs: number,
): Promise<ServingCheck> {
  const start = performance.now();
  const { url, init } = meRequest(origin, key);
  let last = "no try";
  for (let left = deadlineMs; left > 0; left = deadlineMs - (performance.now() - start)) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(Math.ceil(left)) });
      await response.arrayBuffer();
      if (response.status === 200)
        return { ms: Math.round(performance.now() - start), last: "200" };
      last = String(response.status);
    } catch (error) {
      const { message, cause } = error as Error & { cause?: { code?: string } };
      last = cause?.code ? `${message}: ${cause.code}` : message;
    }
    await sleep(RETRY_PAUSE_MS);
  }
  return { last };
}
