import type { AxorResponse } from "@axor/core";
import type { FastifyReply } from "fastify";

/**
 * Writes a neutral response through Fastify: status, every header, each Set-Cookie as its own
 * header line (added to any the app already set), and the body string unchanged.
 *
 * @example
 * ```ts
 * return sendAxorResponse(reply, await axor.handle(request));
 * ```
 */
export function sendAxorResponse(reply: FastifyReply, response: AxorResponse): FastifyReply {
  reply.code(response.status);
  for (const [name, value] of Object.entries(response.headers)) {
    if (name.toLowerCase() !== "set-cookie") reply.header(name, value);
  }
  if (response.setCookies.length > 0) reply.header("set-cookie", response.setCookies);
  return reply.send(response.body ?? undefined);
}
