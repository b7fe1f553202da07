import type { IncomingMessage } from "node:http";
import { alreadyParsedBody } from "./already-parsed-body.js";
import type { AxorRequest } from "./neutral-http.js";
import { BODY_READ_LIMIT, declaresBody, readLimitedBody } from "./read-limited-body.js";

/**
 * The body of a Node request for `axor.handle`: when something before the adapter (a host body
 * parser) already read the stream, what it left (`parsedByHost`, e.g. Express's `req.body`);
 * else nothing for a request that declares no body, or else the raw bytes, read up to
 * 64 KiB + 1 so the core can answer 413.
 *
 * @example
 * ```ts
 * const response = await axor.handle(nodeRequest(req, undefined, await readNodeBody(req)));
 * ```
 */
export async function readNodeBody(
  incoming: IncomingMessage,
  parsedByHost?: unknown,
): Promise<AxorRequest["body"]> {
  const read = incoming.readableEnded || incoming.readableDidRead;
  if (read || (incoming as { _body?: boolean })._body === true) {
    return alreadyParsedBody(parsedByHost, incoming.headers);
  }
  if (!declaresBody(incoming.headers)) return undefined;
  return readLimitedBody(incoming, BODY_READ_LIMIT);
}
