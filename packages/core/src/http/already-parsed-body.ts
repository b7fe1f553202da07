import type { AxorRequest } from "./neutral-http.js";

type NodeLikeHeaders = Readonly<Record<string, string | string[] | undefined>>;

function declaredLength(headers: NodeLikeHeaders): number | undefined {
  const header = headers["content-length"];
  const length = typeof header === "string" ? Number(header) : Number.NaN;
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
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
 * What a host framework's body parser left behind (`express.json()`'s `req.body`, Hono's body
 * cache), in the core's terms: bytes and text stay raw (the core parses them, so malformed JSON
 * still gets the contract's answer); any other value is an already parsed body with the raw
 * size when it can be known (for the 64 KiB limit). A parsed value from an empty body is still
 * an empty body.
 *
 * @example
 * ```ts
 * declare const req: import("express").Request; // after express.json(), maybe
 * const body = req.readableEnded
 *   ? alreadyParsedBody(req.body, req.headers) // express.json() read the stream first
 *   : await readLimitedBody(req);
 * ```
 */
export function alreadyParsedBody(body: unknown, headers: NodeLikeHeaders): AxorRequest["body"] {
  if (body === undefined) return undefined;
  if (body instanceof Uint8Array || typeof body === "string") return body;
  const size = declaredLength(headers) ?? serializedLength(body);
  if (size === 0) return new Uint8Array(0);
  return size === undefined ? { parsed: body } : { parsed: body, size };
}
