import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";

/** A Fastify app listening on 127.0.0.1, on a port the OS picked. */
export interface ListeningFastify {
  app: FastifyInstance;
  origin: string;
  close(): Promise<void>;
}

/**
 * Builds a Fastify app with `build` and serves it over a real socket on 127.0.0.1:0.
 *
 * @example
 * ```ts
 * const { origin, close } = await serveFastify((app) => app.register(axorPlugin, { axor }));
 * ```
 */
export async function serveFastify(
  build: (app: FastifyInstance) => Promise<unknown> | unknown,
  options: FastifyServerOptions = {},
): Promise<ListeningFastify> {
  const app = Fastify(options);
  await build(app);
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, origin, close: () => app.close() };
}
