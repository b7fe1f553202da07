import type { AxorRequest } from "@axor/core";
import { BODY_READ_LIMIT, declaresBody, readLimitedBody } from "@axor/core";
import type { FastifyRequest } from "fastify";

/**
 * The body for `axor.handle`: the raw bytes the Axor routes' catch-all parser kept, or, when
 * Fastify parsed nothing (GET, DELETE without a content type, ...), the raw stream read here
 * up to 64 KiB + 1. A value some other parser produced is passed on as already parsed.
 *
 * @example
 * ```ts
 * const body = await requestBody(request);
 * ```
 */
export async function requestBody(request: FastifyRequest): Promise<AxorRequest["body"]> {
  const body: unknown = request.body;
  if (body instanceof Uint8Array || typeof body === "string") return body;
  if (body !== undefined && body !== null) return { parsed: body };
  const raw = request.raw;
  if (raw.readableEnded || raw.readableDidRead || !declaresBody(raw.headers)) return undefined;
  return readLimitedBody(raw, BODY_READ_LIMIT);
}
