import type { AxorRequest } from "@axor/core";
import { BODY_READ_LIMIT, declaresBody, readLimitedStream } from "@axor/core";
import type { Context } from "hono";
import { nodeIncoming } from "./neutral-request.js";

function declaredLength(c: Context): number | undefined {
  const length = Number(c.req.header("content-length") ?? Number.NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * What an earlier `c.req.json()`/`text()`/`arrayBuffer()`/`parseBody()` left in Hono's body
 * cache (promises, whatever Hono's types say): raw text or bytes when Hono kept them (the
 * core parses those, so malformed JSON still gets the contract's answer), else the parsed value.
 */
async function cachedBody(c: Context): Promise<AxorRequest["body"]> {
  const cache = c.req.bodyCache as Record<string, Promise<unknown> | undefined>;
  if (cache.text) return String(await cache.text);
  if (cache.arrayBuffer) return new Uint8Array((await cache.arrayBuffer) as ArrayBuffer);
  if (cache.blob) return new Uint8Array(await ((await cache.blob) as Blob).arrayBuffer());
  const parsed = await (cache.json ?? cache.formData);
  const size = declaredLength(c);
  return size === undefined ? { parsed } : { parsed, size };
}

/**
 * The request body for `axor.handle`: what the app already read through Hono's body methods
 * (taken from Hono's cache, never read twice), or else the raw bytes, read up to
 * 64 KiB + 1 so the core can answer 413.
 *
 * @example
 * ```ts
 * const body = await requestBody(c);
 * ```
 */
export async function requestBody(c: Context): Promise<AxorRequest["body"]> {
  if (Object.keys(c.req.bodyCache).length > 0) return cachedBody(c);
  const incoming = nodeIncoming(c);
  if (incoming && !declaresBody(incoming.headers)) return undefined; // no Web Request built
  const raw = c.req.raw;
  if (raw.body === null || raw.bodyUsed) return undefined;
  return readLimitedStream(raw.body, BODY_READ_LIMIT);
}
