import { startExample } from "@axor/example-support";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";

await startExample(
  "Hono",
  (axor, { port, host }) =>
    new Promise((resolve) => {
      const server = serve({ fetch: createApp(axor).fetch, port, hostname: host }, () =>
        resolve({ server }),
      );
    }),
);
