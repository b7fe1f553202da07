import type { AxorRequest } from "@axor/core";
import { BODY_READ_LIMIT, declaresBody, readLimitedBody } from "@axor/core";
import type { Request } from "express";

/** True when something before us (a host body parser) already read the request stream. */
function streamAlreadyRead(req: Request): boolean {
  return req.readableEnded || req.readableDidRead || (req as { _body?: boolean })._body === true;
}

function declaredLength(req: Request): number | undefined {
  const header = req.headers["content-length"];
  const length = header === undefined ? Number.NaN : Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * What a host parser left in `req.body`, in the core's terms: bytes and text stay raw (the
 * core parses them), anything else is an already parsed value with the raw size when known.
 */
function hostParsedBody(req: Request): AxorRequest["body"] {
  const body: unknown = req.body;
  if (body === undefined) return undefined;
  if (body instanceof Uint8Array || typeof body === "string") return body;
  const size = declaredLength(req) ?? serializedLength(body);
  if (size === 0) return new Uint8Array(0); // "{}" from an empty body is still an empty body
  return size === undefined ? { parsed: body } : { parsed: body, size };
}

/** The size of a parsed body re-serialized, for a chunked request with no Content-Length. */
function serializedLength(body: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(body) ?? "");
  } catch {
    return undefined; // not JSON-serializable: the core judges it as is
  }
}

/**
 * The request body for `axor.handle`: what a host parser (`express.json()`, ...) already
 * produced, or else the raw bytes, read up to 64 KiB + 1 so the core can answer 413.
 *
 * @example
 * ```ts
 * const body = await requestBody(req);
 * ```
 */
export async function requestBody(req: Request): Promise<AxorRequest["body"]> {
  if (streamAlreadyRead(req)) return hostParsedBody(req);
  if (!declaresBody(req.headers)) return undefined;
  return readLimitedBody(req, BODY_READ_LIMIT);
}
