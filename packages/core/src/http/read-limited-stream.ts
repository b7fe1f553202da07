import { bodyAbortedError } from "./body-aborted-error.js";
import { BODY_READ_LIMIT } from "./read-limited-body.js";

/**
 * Reads a Web stream into memory, keeping at most `limit` bytes. Once the limit is reached it
 * resolves at once and keeps reading the rest into nothing in the background, so memory stays
 * bounded and the client can finish sending (the connection stays usable).
 *
 * @example
 * ```ts
 * declare const incoming: Request; // a Fetch API request
 * if (incoming.body) {
 *   const bytes = await readLimitedStream(incoming.body, BODY_READ_LIMIT); // at most 65537 bytes
 * }
 * ```
 */
export async function readLimitedStream(
  stream: ReadableStream<Uint8Array>,
  limit = BODY_READ_LIMIT,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let kept = 0;
  while (kept < limit) {
    const { done, value } = await reader.read().catch(() => {
      throw bodyAbortedError();
    });
    if (done) return Buffer.concat(chunks, kept);
    const slice = value.length > limit - kept ? value.subarray(0, limit - kept) : value;
    chunks.push(slice);
    kept += slice.length;
  }
  void drain(reader);
  return Buffer.concat(chunks, kept);
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done) {
      // discard
    }
  } catch {
    // the client went away: nothing left to drain
  }
}
