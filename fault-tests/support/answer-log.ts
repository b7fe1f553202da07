import { type SeenAnswer, whyNotAllowed } from "./allowed-answer.js";

/** How many unexpected answers are kept in full; the rest are only counted. */
const KEPT_UNEXPECTED = 20;

/** An answer the contract does not allow, with when it came and what it said. */
export interface UnexpectedAnswer {
  /** e.g. "GET me/". */
  request: string;
  /** Milliseconds since the log was created. */
  atMs: number;
  why: string;
  /** The start of the body, or the transport error. */
  detail: string;
}

/**
 * Every answer the load clients got: counted by request and status, and the unexpected ones
 * kept (the first 20 in full) for the failure message.
 *
 * @example
 * ```ts
 * const log = new AnswerLog();
 * log.answer("GET me/", { status: response.status, headers: response.headers, body: text });
 * log.noAnswer("GET me/", error);
 * console.log(log.summary());
 * ```
 */
export class AnswerLog {
  private readonly started = performance.now();
  private readonly counts = new Map<string, number>();
  /** The first unexpected answers, in order. */
  readonly unexpected: UnexpectedAnswer[] = [];
  /** How many unexpected answers there were in all. */
  unexpectedCount = 0;

  /** Records an answer, judged by `whyNotAllowed`. */
  answer(request: string, answer: SeenAnswer): void {
    this.count(`${request} ${answer.status}`);
    const why = whyNotAllowed(answer);
    if (why) this.keep(request, why, answer.body.slice(0, 300));
  }

  /** Records a request that got no answer: refused, reset, or timed out. */
  noAnswer(request: string, error: unknown): void {
    this.count(`${request} no answer`);
    const { message, cause } = error as Error & { cause?: { code?: string; message?: string } };
    this.keep(request, "no answer", [message, cause?.code ?? cause?.message].join(": "));
  }

  /** How many requests were recorded, answered or not. */
  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** One line per request and status, e.g. "GET me/ 200 ×5120". */
  summary(): string {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key} ×${count}`)
      .join(", ");
  }

  private count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private keep(request: string, why: string, detail: string): void {
    this.unexpectedCount += 1;
    if (this.unexpected.length < KEPT_UNEXPECTED) {
      const atMs = Math.round(performance.now() - this.started);
      this.unexpected.push({ request, atMs, why, detail });
    }
  }
}
