import type { AnswerLog } from "./answer-log.js";
import type { ApiRequest } from "./app-requests.js";

/** How long one request may take before it counts as unanswered. */
const REQUEST_TIMEOUT_MS = 5_000;

/** A status and body, as read in full. */
export interface ReadAnswer {
  status: number;
  body: string;
}

/**
 * Sends `request` (5 s at most), reads the whole answer and records it in `log`; resolves with
 * the answer, or undefined when there was none (refused, reset, timed out), which is recorded
 * as unexpected too.
 *
 * @example
 * ```ts
 * const answer = await recordedFetch(log, meRequest(origin, key));
 * if (answer?.status === 200) served += 1;
 * ```
 */
export async function recordedFetch(
  log: AnswerLog,
  request: ApiRequest,
): Promise<ReadAnswer | undefined> {
  try {
    const response = await fetch(request.url, {
      ...request.init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.text();
    log.answer(request.label, { status: response.status, headers: response.headers, body });
    return { status: response.status, body };
  } catch (error) {
    log.noAnswer(request.label, error);
    return undefined;
  }
}
