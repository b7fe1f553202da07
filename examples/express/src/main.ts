import { startExample } from "@axor/example-support";
import { createApp } from "./app.js";

await startExample(
  "Express",
  (axor, { port, host }) =>
    new Promise((resolve, reject) => {
      const server = createApp(axor).listen(port, host, (error?: Error) =>
        error ? reject(error) : resolve({ server }),
      );
    }),
);
