import { startExample } from "@axor/example-support";
import { createApp } from "./app.js";

await startExample("Fastify", async (axor, { port, host }) => {
  const app = await createApp(axor);
  await app.listen({ port, host });
  return { server: app.server, close: () => app.close() };
});
