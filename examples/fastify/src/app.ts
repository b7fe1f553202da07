import type { Axor } from "@axor/core";
import { axorPlugin, requireAuth } from "@axor/fastify";
import Fastify, { type FastifyInstance } from "fastify";

/** The example app: the Axor API at /api/user, then the app's own routes. */
export async function createApp(axor: Axor): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: "info" } });
  await app.register(axorPlugin, { axor, prefix: "/api/user" });

  app.get("/api/hello", { preHandler: requireAuth(axor) }, async (request) => ({
    hello: request.axor?.user.first_name,
  }));
  return app;
}
