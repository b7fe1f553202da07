import type { Readable } from "node:stream";
import { bodyAbortedError } from "./body-aborted-error.js";
import { MAX_BODY_BYTES } from "./read-json-body.js";

/**
 * How many raw bytes an adapter buffers at most: one more than the contract's 64 KiB limit,
 * so the core can still tell "too large" (413) from "exactly at the limit".
 *
 * @example
 * ```ts
 * const bytes = await readLimitedBody(req, BODY_READ_LIMIT); // at most 65537 bytes
 * // over 64 KiB: the core answers 413 PayloadTooLarge
 * const response = await axor.handle(nodeRequest(req, undefined, bytes));
 * ```
 */
export const BODY_READ_LIMIT = MAX_BODY_BYTES + 1;

/**
 * True when a request's headers announce a body (RFC 9112 §6: a request has one only with
 * `Content-Length` > 0 or a `Transfer-Encoding`). Adapters skip reading the stream otherwise,
 * which saves a turn of the event loop on every GET.
 *
 * @example
 * ```ts
 * const body = declaresBody(req.headers) ? await readLimitedBody(req) : undefined;
 * ```
 */
export function declaresBody(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): boolean {
  if (headers["transfer-encoding"] !== undefined) return true;
  const length = headers["content-length"];
  return length !== undefined && length !== "0";
}

/**
 * Reads a request stream into memory, keeping at most `limit` bytes. Once the limit is
 * reached it resolves at once with what it kept and lets the rest of the stream drain into
 * nothing, so the connection stays usable and memory stays bounded whatever the client sends.
 *
 * @example
 * ```ts
 * const bytes = await readLimitedBody(req, BODY_READ_LIMIT);
 * ```
 */
export function readLimitedBody(stream: Readable, limit = BODY_READ_LIMIT): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let settled = false;

    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      stream.off("end", onEnd);
      stream.off("close", onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, kept));
    };
    const onData = (chunk: Buffer | string): void => {
      if (kept >= limit) return; // draining: the rest of the body is discarded
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      const room = limit - kept;
      const slice = bytes.length > room ? bytes.subarray(0, room) : bytes;
      chunks.push(slice);
      kept += slice.length;
      if (kept >= limit) settle();
    };
    const onEnd = (): void => settle();
    const onClose = (): void => settle(bodyAbortedError());
    const onError = (): void => settle(bodyAbortedError());

    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("close", onClose);
    stream.on("error", onError);
  });
}
