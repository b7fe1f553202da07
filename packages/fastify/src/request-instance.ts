import type { FastifyRequest } from "fastify";

/** The path the client sent, without the query: the envelope's `instance`. */
export function requestInstance(request: FastifyRequest): string {
  return (request.raw.url ?? "/").split("?")[0] ?? "/";
}
